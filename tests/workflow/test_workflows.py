"""The GitHub workflows: linted by actionlint and zizmor, safe by
construction, and their steps replayed locally on pull requests in a
temporary git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from pullrequest import commit_all, event_path, git, pull_request_repo

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent  # the venv's scripts: sukien, actionlint, zizmor, shellcheck
PATH = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def load(name: str) -> dict:
    # BaseLoader: the key `on` stays "on" (YAML 1.1 would make it True).
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def all_workflows() -> dict[str, dict]:
    return {path.name: load(path.name) for path in sorted(WORKFLOWS.glob("*.yml"))}


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job["steps"]


def tool(name: str) -> str:
    found = shutil.which(name, path=PATH)
    assert found, f"{name} is missing: pip install -e '.[test]'"
    return found


# --- Linters -----------------------------------------------------------------------

def test_actionlint_reports_nothing():
    done = subprocess.run([tool("actionlint"), "-no-color"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PATH": PATH})
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_zizmor_reports_nothing():
    done = subprocess.run([tool("zizmor"), "--offline", "--persona", "auditor", "--no-progress",
                           "--format", "plain", str(WORKFLOWS)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PATH": PATH})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


# --- Safe by construction ------------------------------------------------------------

def test_every_action_is_pinned_by_commit_with_its_version():
    uses = [step["uses"] for workflow in all_workflows().values() for step in steps(workflow) if "uses" in step]
    assert uses
    for use in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", use), use
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_least_privilege_and_concurrency():
    for name, workflow in all_workflows().items():
        assert workflow["permissions"] == {}, name
        assert workflow["concurrency"]["group"], name
        for job_name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{name}: {job_name}"
    writes = {(name, job_name): sorted(k for k, v in job["permissions"].items() if v == "write")
              for name, workflow in all_workflows().items() for job_name, job in workflow["jobs"].items()}
    assert {key: value for key, value in writes.items() if value} == {
        ("from-issue.yml", "open-pull-request"): ["contents", "issues", "pull-requests"],
        ("publish.yml", "deploy"): ["id-token", "pages"],
    }


def test_pull_requests_run_untrusted_code_safely():
    pr = load("pull-request.yml")
    assert list(pr["on"]) == ["pull_request"]
    for workflow in all_workflows().values():
        assert "pull_request_target" not in workflow["on"]
        for step in steps(workflow):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false"
            # Untrusted text reaches scripts through env only, never ${{ }} in run.
            assert "${{" not in step.get("run", "")
    for job in pr["jobs"].values():
        assert set(job["permissions"].values()) == {"read"}
    assert "secrets." not in (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")


def test_full_history_where_git_history_matters():
    for name, job in (("pull-request.yml", "check"), ("pull-request.yml", "preview"), ("publish.yml", "build")):
        checkout = next(s for s in load(name)["jobs"][job]["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == "0", name


def test_the_gatekeeping_job_runs_only_the_base_branchs_code():
    """The pull request's checkout (pr/) is data: nothing installs or runs
    it; sukien comes from the base branch's checkout, with its mkdocs.yml."""
    check = load("pull-request.yml")["jobs"]["check"]["steps"]
    checkouts = {s["with"]["path"]: s["with"] for s in check if s.get("uses", "").startswith("actions/checkout@")}
    assert set(checkouts) == {"pr", "base"}
    assert checkouts["base"]["ref"] == "${{ github.base_ref }}"
    assert "ref" not in checkouts["pr"]
    runs = [s for s in check if "run" in s]
    assert [s["run"] for s in runs if "pip" in s["run"]] == ["pip install ./base"]
    for step in runs:
        if "pip" in step["run"]:
            continue
        assert step["run"].startswith("sukien "), step["run"]
        assert step["working-directory"] == "pr"  # annotations name the pull request's files
    for step_id in ("validate", "owners"):
        assert "-f ../base/mkdocs.yml --content content" in CHECKS[step_id]["run"]


def test_publishing_uses_the_official_pages_actions_and_runs_nightly():
    publish = load("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    assert publish["on"]["schedule"][0]["cron"]
    used = [s["uses"].split("@")[0] for s in steps(publish) if "uses" in s]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in used


def test_installs_use_the_readmes_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runs = [s["run"] for w in all_workflows().values() for s in steps(w) if "pip install" in s.get("run", "")]
    assert runs
    for command in runs:
        assert command in readme, command


# --- Replaying the pull-request checks ---------------------------------------------------

CHECKS = {step.get("id"): step for job in ("check", "preview")
          for step in load("pull-request.yml")["jobs"][job]["steps"]}


def replay(repo: Path, step: dict, author: str = "vhttdl-anh", extra_env: dict | None = None):
    """Run a step's script as GitHub does (bash -e -o pipefail) with the
    ${{ }} of its env filled in for a pull request into main.  A step with
    a working-directory runs there, in the workspace that holds ``repo``
    as pr/ beside base/ (the gatekeeping job's layout)."""
    context = {"github.base_ref": "main", "github.event.pull_request.user.login": author,
               "github.event.issue.number": "12", "github.event.issue.title": "Đăng ký sự kiện: Hội thi",
               "github.event.repository.default_branch": "main", "github.token": "not-a-token"}
    env = {**os.environ, "PATH": PATH, **(extra_env or {})}
    for key, value in step.get("env", {}).items():
        env[key] = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: context[m.group(1)], value)
    env.pop("PYTHONPATH", None)
    cwd = repo.parent / step["working-directory"] if "working-directory" in step else repo
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=cwd,
                          capture_output=True, text=True, env=env)


@pytest.fixture
def repo(tmp_path):
    """The pull request's checkout (pr/) beside the base branch's (base/)."""
    pr = pull_request_repo(tmp_path, "pr")
    git(tmp_path, "clone", "-q", "--branch", "main", str(pr), str(tmp_path / "base"))
    return pr


def add_event(repo: Path, unit: str, name: str, text: str) -> None:
    path = event_path(repo, unit, name)
    path.write_text(text, encoding="utf-8")


NEW_EVENT = """\
title: Hội thi hát dân ca
summary: Hội thi hát dân ca các dân tộc tỉnh Lai Châu.
category: van-hoa
start: 2026-10-10 19:30
location:
  name: Nhà văn hoá tỉnh
  area: tan-phong
contact:
  name: Phòng Nghiệp vụ Văn hoá
  phone: "0213 3800 003"
"""


def test_a_good_pull_request_passes_every_check(repo):
    add_event(repo, "so-vhttdl", "hoi-thi-hat-dan-ca-2026", NEW_EVENT)
    commit_all(repo, "add an event")
    for step_id in ("validate", "owners", "codeowners"):
        done = replay(repo, CHECKS[step_id])
        assert done.returncode == 0, f"{step_id}: {done.stdout}{done.stderr}"
        assert "::error" not in done.stdout


def test_deleting_a_published_event_fails_with_a_located_message(repo):
    event_path(repo, "so-vhttdl", "giai-dua-xe-dap-2026").unlink()
    commit_all(repo, "delete a published event")
    done = replay(repo, CHECKS["validate"])
    assert done.returncode == 1
    assert ("::error file=content/events/so-vhttdl/giai-dua-xe-dap-2026.yaml,line=1,col=1,"
            "title=removed-event::") in done.stdout
    assert replay(repo, CHECKS["owners"]).returncode == 0  # the unit's own maintainer


def test_editing_another_units_folder_fails_with_a_located_message(repo):
    add_event(repo, "ubnd-xa-khong-lao", "hoi-thi-hat-dan-ca-2026", NEW_EVENT)
    add_event(repo, "so-vhttdl", "hoi-thi-hat-dan-ca-2026-b", NEW_EVENT)
    commit_all(repo, "add events in two folders")
    done = replay(repo, CHECKS["owners"], author="vhttdl-anh")
    assert done.returncode == 0  # khong-lao also has a team: left to CODEOWNERS review
    assert "title=team-review" in done.stdout
    done = replay(repo, CHECKS["owners"], author="khonglao-chi")
    assert done.returncode == 1
    assert ("::error file=content/events/so-vhttdl/hoi-thi-hat-dan-ca-2026-b.yaml,line=1,col=1,"
            "title=not-maintainer::") in done.stdout
    assert "ubnd-xa-khong-lao/hoi-thi-hat-dan-ca-2026.yaml" not in done.stdout


def test_a_broken_file_fails_with_a_located_message(repo):
    add_event(repo, "so-vhttdl", "hoi-thi-hat-dan-ca-2026",
              NEW_EVENT.replace("start: 2026-10-10 19:30", "start: 2026-10-10 19:30\nend: 2026-10-09 21:00"))
    commit_all(repo, "an event that ends before it starts")
    done = replay(repo, CHECKS["validate"])
    assert done.returncode == 1
    assert re.search(r"::error file=content/events/so-vhttdl/hoi-thi-hat-dan-ca-2026\.yaml,line=5,col=\d+,"
                     r"title=end-before-start::", done.stdout), done.stdout


SABOTAGE = {
    # the pull request's own generator, answering "all good" to every check
    "generator/__init__.py": "import pathlib; pathlib.Path('/tmp/sukien-sabotage-ran').write_text('x')\n",
    "generator/cli.py": "def main():\n    raise SystemExit(0)\n",
    "sitecustomize.py": "import pathlib; pathlib.Path('/tmp/sukien-sabotage-ran').write_text('x')\n",
    "pyproject.toml": "[project]\nname = 'sukien'\nversion = '0'\n[project.scripts]\nsukien = 'generator.cli:main'\n",
}


def test_a_pull_request_that_edits_the_generator_cannot_pass_its_own_checks(repo):
    marker = Path("/tmp/sukien-sabotage-ran")
    marker.unlink(missing_ok=True)
    for name, text in SABOTAGE.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    config = repo / "mkdocs.yml"  # and its own configuration: content elsewhere, itself an editor
    config.write_text(config.read_text(encoding="utf-8").replace("- bientap-so", "- bientap-so\n        - khonglao-chi")
                      + "        content: khong-co\n", encoding="utf-8")
    event_path(repo, "so-vhttdl", "giai-dua-xe-dap-2026").unlink()
    commit_all(repo, "a generator that approves everything")
    done = replay(repo, CHECKS["validate"])
    assert done.returncode == 1 and "title=removed-event::" in done.stdout, done.stdout + done.stderr
    done = replay(repo, CHECKS["owners"], author="khonglao-chi")
    assert done.returncode == 1
    for name in (*SABOTAGE, "mkdocs.yml"):
        assert f"::error file={name},line=1,col=1,title=editor-review::" in done.stdout
    assert "title=not-maintainer" in done.stdout
    assert not marker.exists()


def test_a_unit_maintainer_cannot_change_code_or_configuration(repo):
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    workflow = repo / ".github" / "workflows" / "pull-request.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: pull_request\n", encoding="utf-8")
    commit_all(repo, "a unit's maintainer edits the site and the workflows")
    done = replay(repo, CHECKS["owners"], author="vhttdl-anh")
    assert done.returncode == 1
    assert "file=.github/workflows/pull-request.yml,line=1,col=1,title=editor-review::" in done.stdout
    assert replay(repo, CHECKS["owners"], author="bientap-so").returncode == 0


def test_an_outdated_codeowners_fails(repo):
    units = repo / "content" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("- vhttdl-anh", "- vhttdl-moi"), encoding="utf-8")
    commit_all(repo, "change a unit's maintainers only")
    done = replay(repo, CHECKS["codeowners"])
    assert done.returncode == 1
    assert "CODEOWNERS chưa khớp" in done.stderr


def test_the_build_step(repo, tmp_path):
    if "build" not in main.commands:
        pytest.skip("sukien build is not there yet")
    site = ROOT / "mkdocs.yml"
    if site.is_file():  # the project's site configuration, over the test tree's content
        shutil.copyfile(site, repo / "mkdocs.yml")
        for folder in ("docs", "overrides"):
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, repo / folder)
    done = replay(repo, CHECKS["build"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "site" / "index.html").is_file()


# --- Replaying the issue-form workflow ------------------------------------------------

FORM_STEPS = load("from-issue.yml")["jobs"]["open-pull-request"]["steps"]
FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
# no pull request exists yet unless the test says so
if [ "$1 $2" = "pr view" ] && [ -z "$GH_PR_EXISTS" ]; then exit 1; fi
"""


def issue_body(**answers: str) -> str:
    from generator.workflow.from_issue import FIELDS
    return "\n\n".join(f"### {label}\n\n{answers.get(key) or '_No response_'}" for label, key in FIELDS)


@pytest.fixture
def issue_repo(repo, tmp_path):
    """The repository on main with a bare origin, and a fake ``gh`` that logs."""
    git(repo, "switch", "-q", "main")
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    git(repo, "remote", "add", "origin", str(origin))
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "gh").write_text(FAKE_GH, encoding="utf-8")
    (fake / "gh").chmod(0o755)
    runner = tmp_path / "runner"
    runner.mkdir()
    env = {"PATH": f"{fake}{os.pathsep}{PATH}", "RUNNER_TEMP": str(runner), "GH_LOG": str(tmp_path / "gh.log"),
           **{k: v for k, v in os.environ.items() if k.startswith("GIT_")}}
    return repo, origin, env


def test_an_approved_issue_becomes_a_pull_request(issue_repo):
    repo, origin, env = issue_repo
    body = issue_body(unit="so-vhttdl", title="Hội thi hát dân ca", summary="Hội thi hát dân ca các dân tộc.",
                      category="Văn hóa (van-hoa)", start="2026-10-10 19:30", place="Nhà văn hoá tỉnh",
                      contact_name="Phòng Nghiệp vụ Văn hoá", phone="0213 3800 003")
    convert, open_pr = (s for s in FORM_STEPS if "run" in s and "pip install" not in s["run"])
    convert = {**convert, "env": {**convert["env"], "ISSUE_BODY": body}}
    done = replay(repo, convert, extra_env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    done = replay(repo, open_pr, extra_env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    pushed = git(origin, "ls-tree", "-r", "--name-only", "phieu-dang-ky/12")
    assert "content/events/so-vhttdl/hoi-thi-hat-dan-ca-2026.yaml" in pushed.splitlines()
    log = Path(env["GH_LOG"]).read_text(encoding="utf-8")
    assert "pr create --base main --head phieu-dang-ky/12 --title Đăng ký sự kiện: Hội thi (#12)" in log


def test_labelling_again_updates_the_same_pull_request(issue_repo):
    repo, origin, env = issue_repo
    convert, open_pr = (s for s in FORM_STEPS if "run" in s and "pip install" not in s["run"])
    for place in ("Nhà văn hoá tỉnh", "Quảng trường Nhân dân tỉnh"):
        body = issue_body(unit="so-vhttdl", title="Hội thi hát dân ca", summary="Hội thi hát dân ca.",
                          category="Văn hóa (van-hoa)", start="2026-10-10 19:30", place=place,
                          contact_name="Phòng Nghiệp vụ Văn hoá", phone="0213 3800 003")
        git(repo, "switch", "-q", "main")  # each run starts from a fresh checkout of main
        if "phieu-dang-ky/12" in git(repo, "branch", "--list"):
            git(repo, "branch", "-q", "-D", "phieu-dang-ky/12")
        assert replay(repo, {**convert, "env": {**convert["env"], "ISSUE_BODY": body}}, extra_env=env).returncode == 0
        done = replay(repo, open_pr, extra_env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        env = {**env, "GH_PR_EXISTS": "1"}
    pushed = git(origin, "show", "phieu-dang-ky/12:content/events/so-vhttdl/hoi-thi-hat-dan-ca-2026.yaml")
    assert "Quảng trường Nhân dân tỉnh" in pushed
    log = Path(env["GH_LOG"]).read_text(encoding="utf-8")
    assert log.count("pr create") == 1 and "issue comment 12 --body Đã cập nhật pull request" in log


def test_a_wrong_issue_gets_a_comment_listing_the_problems(issue_repo):
    repo, _, env = issue_repo
    convert = next(s for s in FORM_STEPS if s.get("id") == "convert")
    convert = {**convert, "env": {**convert["env"], "ISSUE_BODY": issue_body(unit="so-vhttdl", title="Thiếu")}}
    done = replay(repo, convert, extra_env=env)
    assert done.returncode == 1
    assert "issue comment 12 --body-file" in Path(env["GH_LOG"]).read_text(encoding="utf-8")
    problems = (Path(env["RUNNER_TEMP"]) / "problems").read_text(encoding="utf-8")
    assert "«Tóm tắt»: mục bắt buộc, chưa điền" in problems
    assert not git(repo, "status", "--porcelain")


# --- Documentation for unit staff ------------------------------------------------------

def test_contributing_explains_every_check_code():
    from generator.rules import RULES

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    codes = [*RULES, "not-maintainer", "unknown-unit-folder", "team-review", "editor-review"]
    missing = [code for code in codes if f"| `{code}` |" not in guide]
    assert missing == []


def test_contributing_codes_are_the_ones_the_ownership_check_reports():
    source = (ROOT / "generator" / "workflow" / "ownership.py").read_text(encoding="utf-8")
    reported = set(re.findall(r'Problem\([^"]*"([a-z-]+)"', source, re.S))
    assert reported == {"not-maintainer", "unknown-unit-folder", "team-review", "editor-review"}
