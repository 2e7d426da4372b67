"""Tree rules: unit folders, ids, duplicates, symlinks, registries,
deletion protection against a git revision."""

import subprocess

import pytest

from contenttree import VALID, make_tree, with_fields, write_event
from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree
from generator.vcs.git import GitError


def run(content, **kwargs):
    return [(p.path.split("content/")[-1], p.code, p.line) for p in validate_tree(SiteConfig(content_dir=content), **kwargs).problems]


def test_unknown_unit_folder(tmp_path):
    content = make_tree(tmp_path, {"so-vhtt/le-hoi-a.yaml": VALID})
    assert run(content) == [("events/so-vhtt/le-hoi-a.yaml", "unknown-unit", 1)]


def test_unknown_unit_suggests(tmp_path):
    content = make_tree(tmp_path, {"so-vhtt/le-hoi-a.yaml": VALID})
    (problem,) = validate_tree(SiteConfig(content_dir=content)).problems
    assert "'so-vhttdl'" in problem.message


def test_event_outside_unit_folder(tmp_path):
    content = make_tree(tmp_path, {"le-hoi-a.yaml": VALID})
    assert run(content) == [("events/le-hoi-a.yaml", "unknown-unit", 1)]


@pytest.mark.parametrize("name", ["Le-Hoi.yaml", "le_hoi.yaml", "le--hoi.yaml", "ab.yaml", "-le-hoi.yaml", "lễ-hội.yaml", "x" * 81 + ".yaml"])
def test_invalid_id(tmp_path, name):
    content = make_tree(tmp_path, {f"so-vhttdl/{name}": VALID})
    assert [code for _, code, _ in run(content)] == ["invalid-id"]


def test_invalid_id_suggests_a_name(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/Lễ hội Then Kin Pang.yaml": VALID})
    (problem,) = validate_tree(SiteConfig(content_dir=content)).problems
    assert "'le-hoi-then-kin-pang.yaml'" in problem.message


def test_duplicate_ids_across_units_and_suffixes(tmp_path):
    content = make_tree(tmp_path, {
        "so-vhttdl/le-hoi-a.yaml": VALID,
        "ubnd-xa-khong-lao/le-hoi-a.yml": VALID,
        "so-vhttdl/le-hoi-b.yaml": VALID,
    })
    result = validate_tree(SiteConfig(content_dir=content))
    assert sorted((p.path.split("events/")[-1], p.code) for p in result.problems) == [
        ("so-vhttdl/le-hoi-a.yaml", "duplicate-id"), ("ubnd-xa-khong-lao/le-hoi-a.yml", "duplicate-id")]
    assert [e.id for e in result.content.events] == ["le-hoi-b"]


def test_good_file_beside_bad_one_is_loaded(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, "so-vhttdl/le-hoi-b.yaml": b"\xff"})
    result = validate_tree(SiteConfig(content_dir=content))
    assert [p.path.endswith("le-hoi-b.yaml") for p in result.problems] == [True]
    assert [e.id for e in result.content.events] == ["le-hoi-a"]


def test_symlinked_folder_out_of_tree(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text(VALID)
    (content / "events" / "ubnd-xa-khong-lao").symlink_to(outside)
    assert run(content) == [("events/ubnd-xa-khong-lao", "unsafe-path", 1)]


@pytest.mark.parametrize("registry", ["units.yaml", "categories.yaml", "areas.yaml"])
def test_missing_registry(tmp_path, registry):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (content / registry).unlink()
    assert run(content) == [(registry, "missing-registry", 1)]


def test_broken_registry_is_located(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    (content / "categories.yaml").write_text("- id: le-hoi\n  name: Lễ hội\n  name_en: Festivals\n- id: le-hoi\n  name: X\n  name_en: Y\n")
    assert run(content) == [("categories.yaml", "invalid-registry", 4)]


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID,
                                   "so-vhttdl/le-hoi-b.yaml": with_fields(title="Hội xuân")})
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return content


def test_deleted_event_against_base(repo):
    (repo / "events/so-vhttdl/le-hoi-a.yaml").unlink()
    assert run(repo, base="main") == [("events/so-vhttdl/le-hoi-a.yaml", "removed-event", 1)]


def test_renamed_event_names_the_new_file(repo):
    (repo / "events/so-vhttdl/le-hoi-a.yaml").rename(repo / "events/so-vhttdl/le-hoi-c.yaml")
    git(repo.parent, "add", "-A")
    (problem,) = validate_tree(SiteConfig(content_dir=repo), base="main").problems
    assert problem.code == "removed-event" and "le-hoi-c.yaml" in problem.message and "cancelled" in problem.message


def test_unchanged_tree_against_base(repo):
    assert run(repo, base="main") == []


def test_unknown_base_is_an_environment_error(repo):
    with pytest.raises(GitError):
        validate_tree(SiteConfig(content_dir=repo), base="no-such-branch")


def test_given_files_only(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": b"\xff", "so-vhttdl/le-hoi-b.yaml": b"\xff"})
    result = validate_tree(SiteConfig(content_dir=content), files=[content / "events/so-vhttdl/le-hoi-b.yaml"])
    assert [p.path.endswith("le-hoi-b.yaml") for p in result.problems] == [True]


def test_duplicate_id_reported_for_a_given_file(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    new = write_event(content, "ubnd-xa-khong-lao/le-hoi-a.yaml", VALID)
    result = validate_tree(SiteConfig(content_dir=content), files=[new])
    assert [p.code for p in result.problems] == ["duplicate-id"]


def test_a_bug_on_one_file_is_reported_and_the_others_still_load(tmp_path, monkeypatch):
    import generator.load.content as loading

    real = loading.check_event

    def flaky(ck, node, event_id, unit, path):
        if event_id == "le-hoi-b":
            raise KeyError("boom")
        return real(ck, node, event_id, unit, path)

    monkeypatch.setattr(loading, "check_event", flaky)
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID, "so-vhttdl/le-hoi-b.yaml": VALID})
    result = validate_tree(SiteConfig(content_dir=content))
    assert [(p.code, p.path.endswith("le-hoi-b.yaml")) for p in result.problems] == [("internal-error", True)]
    assert [e.id for e in result.content.events] == ["le-hoi-a"]


def test_a_file_outside_the_tree_is_checked_against_its_registries(tmp_path):
    content = make_tree(tmp_path / "a", {"so-vhttdl/le-hoi-a.yaml": VALID})
    loose = tmp_path / "nhap" / "so-vhttdl" / "le-hoi-moi.yaml"
    loose.parent.mkdir(parents=True)
    loose.write_text(VALID.replace("category: le-hoi", "category: lehoi"), encoding="utf-8")
    result = validate_tree(SiteConfig(content_dir=content), files=[loose])
    assert [(p.code, p.line) for p in result.problems] == [("unknown-category", 3)]
    assert result.files_checked == 1


def test_a_folder_means_the_events_inside(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": b"\xff", "ubnd-xa-khong-lao/le-hoi-b.yaml": b"\xff"})
    result = validate_tree(SiteConfig(content_dir=content), files=[content / "events/so-vhttdl"])
    assert [p.path.endswith("le-hoi-a.yaml") for p in result.problems] == [True]


VANISHING = {
    "a list": "- title: Lễ hội\n",
    "a text": "Lễ hội đã chuyển sang năm sau\n",
    "broken YAML": VALID + "  : [\n",
    "empty": "",
    "comments only": "# đã bỏ\n",
    "an invalid event": VALID.replace("category: le-hoi\n", ""),
}


@pytest.mark.parametrize("replacement", VANISHING.values(), ids=VANISHING.keys())
def test_a_published_file_that_stops_being_an_event_is_a_removal(repo, replacement):
    (repo / "events/so-vhttdl/le-hoi-a.yaml").write_text(replacement, encoding="utf-8")
    found = run(repo, base="main")
    assert ("events/so-vhttdl/le-hoi-a.yaml", "removed-event", 1) in found
    assert all(path.endswith("le-hoi-a.yaml") for path, _, _ in found)


def test_a_published_file_replaced_by_a_folder_of_events_is_a_removal(repo):
    (repo / "events/so-vhttdl/le-hoi-a.yaml").unlink()
    write_event(repo, "so-vhttdl/le-hoi-a.yaml/le-hoi-moi.yaml", VALID.replace("Then Kin Pang", "Mới"))
    assert ("events/so-vhttdl/le-hoi-a.yaml", "removed-event", 1) in run(repo, base="main")


@pytest.mark.parametrize("target", ["le-hoi-a.yaml.txt", ".le-hoi-a.yaml", "images/le-hoi-a.yaml",
                                    ".an/le-hoi-a.yaml", "Le-Hoi-A.yaml"])
def test_a_published_file_moved_where_no_event_is_read_is_a_removal(repo, target):
    folder = repo / "events/so-vhttdl"
    (folder / target).parent.mkdir(parents=True, exist_ok=True)
    (folder / "le-hoi-a.yaml").rename(folder / target)
    assert ("events/so-vhttdl/le-hoi-a.yaml", "removed-event", 1) in run(repo, base="main")


def test_a_unit_taken_out_of_the_registry_removes_its_events(repo):
    units = repo / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").split("- id: ubnd-xa-khong-lao")[0].replace(
        "so-vhttdl", "so-vhttdl-moi"), encoding="utf-8")
    found = {(path, code) for path, code, _ in run(repo, base="main")}
    assert {("events/so-vhttdl/le-hoi-a.yaml", "removed-event"),
            ("events/so-vhttdl/le-hoi-b.yaml", "removed-event")} <= found


def test_an_edited_event_that_stays_valid_is_no_removal(repo):
    path = repo / "events/so-vhttdl/le-hoi-a.yaml"
    path.write_text(VALID.replace("Then Kin Pang", "Then Kin Pang 2026") + "status: cancelled\n"
                    "status_note: Hoãn do mưa lũ.\n", encoding="utf-8")
    assert run(repo, base="main") == []


def test_a_content_folder_at_the_top_of_the_repository(tmp_path):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-a.yaml": VALID})
    git(content, "init", "-q", "-b", "main")
    git(content, "add", ".")
    git(content, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    (content / "events/so-vhttdl/le-hoi-a.yaml").write_text("[]\n", encoding="utf-8")
    assert ("events/so-vhttdl/le-hoi-a.yaml", "removed-event", 1) in run(content, base="main")
