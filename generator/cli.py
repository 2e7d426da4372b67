"""The ``sukien`` command.  Each command parses its options, calls one core
function and maps the outcome to an exit code: 0 ok, 1 invalid content,
2 usage or environment error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .load.config import ConfigError, SiteConfig, load_site_config
from .model.problems import FORMATTERS, has_errors

CONFIG_OPTION = click.option(
    "-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Site configuration.",
)
CONTENT_OPTION = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Content tree to use instead of the configured one.",
)


class EnvironmentProblem(click.ClickException):
    """Exit code 2: the command cannot run here (config, git, paths)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"sukien: lỗi: {self.format_message()}", err=True, file=file)


def site_config(config_file: Path, content_dir: Path | None) -> SiteConfig:
    try:
        return load_site_config(config_file).with_content(content_dir)
    except ConfigError as error:
        raise EnvironmentProblem(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sukien")
def main() -> None:
    """Lịch sự kiện tỉnh Lai Châu: kiểm tra nội dung, tạo trang web và lịch.

    The event calendar of Lai Châu province."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--base", help="Git revision to compare with: a removed published event is an error, a new event already over a warning.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(paths, config_file, content_dir, base, fmt, lang, strict) -> None:
    """Kiểm tra các tệp sự kiện. Validate the content tree (or PATHS in it).

    Example: sukien validate content/events/so-vhttdl/le-hoi-then-kin-pang.yaml
    """
    from .pipeline.validate import validate_tree
    from .vcs.git import GitError

    config = site_config(config_file, content_dir)
    try:
        result = validate_tree(config, files=list(paths) or None, base=base)
    except (GitError, OSError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS[fmt](result.problems, lang))
    if fmt == "text":
        click.echo(result.summary(lang, strict), err=True)
    sys.exit(1 if has_errors(result.problems, strict) else 0)


@main.command()
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--generic", is_flag=True, help="Do not offer the registries' ids (categories, areas, units).")
def schema(config_file, content_dir, generic) -> None:
    """In JSON Schema của tệp sự kiện. Print the event file's JSON Schema.

    The ids of the content tree's registries, when it has them, are offered
    for completion (unless --generic).

    Example: sukien schema > content/event.schema.json
    """
    from .workflow.schema import read_registries, schema_json

    registries = None if generic else read_registries(site_config(config_file, content_dir).content_dir)
    sys.stdout.write(schema_json(registries))


class Refused(click.ClickException):
    """Exit code 1: the command would break the content (an id in use)."""

    def show(self, file=None) -> None:
        click.echo(f"sukien: lỗi: {self.format_message()}", err=True, file=file)


@main.command()
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--unit", help="Đơn vị tổ chức: mã hoặc tên (units.yaml).")
@click.option("--title", help="Tên sự kiện.")
@click.option("--summary", help="Tóm tắt, một hai câu.")
@click.option("--category", help="Chủ đề: mã hoặc tên (categories.yaml).")
@click.option("--start", help="Bắt đầu: YYYY-MM-DD hoặc YYYY-MM-DD HH:MM.")
@click.option("--end", help="Kết thúc, cùng kiểu với --start (hoặc HH:MM cùng ngày).")
@click.option("--place", help="Tên địa điểm.")
@click.option("--address", help="Địa chỉ.")
@click.option("--area", help="Xã, phường: mã hoặc tên (areas.yaml).")
@click.option("--contact-name", help="Đầu mối liên hệ.")
@click.option("--phone", help="Số điện thoại liên hệ.")
@click.option("--email", help="Thư điện tử liên hệ.")
@click.option("--press-invited/--no-press-invited", default=None, help="Có mời báo chí không.")
@click.option("--repeat", help="Lặp lại: hằng năm (yearly) hoặc âm lịch (lunar-yearly).")
@click.option("--title-en", help="Tên tiếng Anh.")
@click.option("--summary-en", help="Tóm tắt tiếng Anh.")
@click.option("--id", "event_id", help="Mã sự kiện; như tên, được chuyển thành mã và thêm năm (trừ sự kiện lặp lại).")
@click.option("--force-id", is_flag=True, help="Dùng đúng --id đã cho (không thêm năm).")
@click.option("--interactive/--no-interactive", default=None,
              help="Hỏi từng câu (mặc định: khi chạy trong cửa sổ lệnh).")
def new(config_file, content_dir, event_id, force_id, interactive, **flags) -> None:
    """Tạo tệp sự kiện mới. Create a new event file, asking in Vietnamese.

    Prints the new file's path.  Without a terminal (or with
    --no-interactive), the required flags must all be given.

    \b
    Example: sukien new --unit so-vhttdl --title "Lễ hội Then Kin Pang" \\
      --summary "..." --category le-hoi --start "2026-04-26 07:30" \\
      --place "Sân văn hoá xã Khổng Lào" --contact-name "..." --phone "0213 3800 000"
    """
    from .workflow import newevent as ne
    from .workflow.schema import read_registries

    root = site_config(config_file, content_dir).content_dir
    if not root.is_dir():
        raise EnvironmentProblem(f"không tìm thấy thư mục nội dung '{root.as_posix()}' (dùng --content DIR)")
    given = {key: ("có" if value else "không") if isinstance(value, bool) else value
             for key, value in flags.items()}
    if force_id and not event_id:
        raise EnvironmentProblem("--force-id cần đi kèm --id (xem sukien new --help)")
    qs = ne.questions(read_registries(root))
    if sys.stdin.isatty() if interactive is None else interactive:
        def ask(prompt, default):
            return click.prompt(prompt, default=default or "", show_default=bool(default), err=True)

        def tell(text):
            click.echo(text, err=True)

        try:
            answers = ne.interview(qs, given, ask, tell)
            event_id = ne.ask_id(root, answers, ask, tell, event_id, force_id)
        except click.Abort:  # Ctrl-D or Ctrl-C at a prompt
            click.echo("\nĐã huỷ, chưa tạo tệp.", err=True)
            sys.exit(1)
    else:
        try:
            answers = ne.from_flags(qs, given)
            event_id = ne.id_from_flags(root, answers, event_id, force_id)
        except ne.FlagProblems as problems:
            raise EnvironmentProblem(f"{problems}\n(xem sukien new --help)") from problems
        except ne.IdTaken as error:
            raise Refused(f"{error} (dùng --id)") from error
        except ne.AnswerError as error:
            raise EnvironmentProblem(f"--id: {error}") from error
    try:
        path = ne.write_event(root, answers, event_id)
    except FileExistsError as error:
        raise Refused(f"{error.filename} đã có; không ghi đè") from error
    except OSError as error:
        raise EnvironmentProblem(f"không ghi được tệp: {error}") from error
    click.echo(path.as_posix())
    click.echo(f"Đã tạo tệp sự kiện. Kiểm tra: sukien validate {path.as_posix()}", err=True)



@main.command()
@CONFIG_OPTION
@click.option("--check", is_flag=True, help="Only check that .github/CODEOWNERS is up to date (exit 1 if not).")
def codeowners(config_file, check) -> None:
    """Tạo (hoặc kiểm tra) .github/CODEOWNERS từ content/units.yaml.

    Write .github/CODEOWNERS from the units' maintainers and the editors of
    mkdocs.yml, or with --check fail when it is out of date.

    Example: sukien codeowners --check
    """
    from .workflow.codeowners import CODEOWNERS_PATH, OwnersError, expected_codeowners, project_root

    config = site_config(config_file, None)
    try:
        text = expected_codeowners(config)
    except OwnersError as error:
        raise EnvironmentProblem(str(error)) from error
    target = project_root(config) / CODEOWNERS_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current != text:
            state = "chưa có" if current is None else "chưa khớp với content/units.yaml và mkdocs.yml (editors)"
            click.echo(f"sukien: lỗi: {target.as_posix()} {state}. "
                       "Hãy chạy 'sukien codeowners' rồi commit tệp .github/CODEOWNERS.", err=True)
            sys.exit(1)
        click.echo(f"{target.as_posix()} đã cập nhật.", err=True)
        return
    if not config.editors:
        click.echo("sukien: cảnh báo: mkdocs.yml chưa có danh sách 'editors' (biên tập viên của Sở).", err=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    click.echo(target.as_posix())


@main.command("check-owners")
@CONFIG_OPTION
@click.option("--author", required=True, help="The pull request's author (GitHub login).")
@click.option("--base", required=True, help="Git revision the pull request is compared with (origin/main).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def check_owners(config_file, author, base, fmt, lang) -> None:
    """Kiểm tra quyền sửa thư mục của từng đơn vị trong một pull request.

    Check the files changed since BASE (git diff BASE...HEAD) against the
    author's units: a unit's folder may be changed by its maintainers and the
    editors only.  Rights are read from BASE.

    Example: sukien check-owners --author nguyenvana --base origin/main
    """
    from .workflow.codeowners import OwnersError
    from .workflow.ownership import check_pull_request
    from .vcs.git import GitError

    config = site_config(config_file, None)
    try:
        problems = check_pull_request(config, author, base)
    except (OwnersError, GitError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS[fmt](problems, lang))
    errors = sum(p.is_error for p in problems)
    click.echo(f"Kiểm tra quyền của @{author}: {errors} lỗi, {len(problems) - errors} cần duyệt thêm.", err=True)
    sys.exit(1 if errors else 0)


@main.command("from-issue")
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--body-file", type=click.File("r", encoding="utf-8-sig"), default="-", show_default=True,
              help="The issue's body (Markdown of the issue form); - reads standard input.")
@click.option("--write", is_flag=True, help="Write the event file (otherwise print it).")
def from_issue(config_file, content_dir, body_file, write) -> None:
    """Chuyển phiếu "Đăng ký sự kiện" (issue) thành tệp sự kiện.

    Turn a submitted issue form into an event file: print it, or with --write
    create it and print its path.  Lists every problem in Vietnamese (exit 1).

    Example: gh issue view 12 --json body -q .body | sukien from-issue --write
    """
    from .workflow import from_issue as fi
    from .model.problems import format_text

    config = site_config(config_file, content_dir)
    try:
        draft = fi.draft_from_body(body_file.read(), config.content_dir)
    except fi.FormProblems as error:
        click.echo("Phiếu đăng ký chưa hợp lệ, xin sửa các mục sau:", err=True)
        click.echo("".join(f"- {line}\n" for line in error.problems), err=True, nl=False)
        sys.exit(1)
    problems = fi.check_draft(config, draft)
    if has_errors(problems):
        click.echo("Tệp tạo từ phiếu chưa hợp lệ:", err=True)
        click.echo(format_text(problems), err=True, nl=False)
        sys.exit(1)
    if not write:
        sys.stdout.write(draft.text)
        return
    try:
        path = fi.write_draft(config, draft)
    except FileExistsError as error:
        click.echo(f"sukien: lỗi: {error.filename} đã có; không ghi đè", err=True)
        sys.exit(1)
    except OSError as error:
        raise EnvironmentProblem(f"không ghi được tệp: {error}") from error
    click.echo(path.as_posix())


@main.command()
@CONFIG_OPTION
@CONTENT_OPTION
@click.option("--month", required=True, help="The month, YYYY-MM.")
@click.option("--unit", help="Only this unit (its id in units.yaml).")
@click.option("--format", "fmt", type=click.Choice(["md", "csv"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def report(config_file, content_dir, month, unit, fmt, output) -> None:
    """Báo cáo sự kiện trong tháng của từng đơn vị (Markdown hoặc CSV cho Excel).

    The month's events per unit (held, upcoming, postponed, cancelled; press
    invited; English version) and totals by category and area.

    Example: sukien report --month 2026-04 --unit so-vhttdl --format csv -o bao-cao.csv
    """
    import datetime as dt

    from .model.clock import now
    from .load.content import load_content
    from .workflow.report import month_report, render_csv, render_markdown

    try:
        first = dt.datetime.strptime(month, "%Y-%m")
    except ValueError:
        raise click.BadParameter(f"'{month}' không đúng dạng YYYY-MM (ví dụ 2026-04)", param_hint="--month") from None
    config = site_config(config_file, content_dir)
    if not config.content_dir.is_dir():
        raise EnvironmentProblem(f"không tìm thấy thư mục nội dung '{config.content_dir}' (dùng --content DIR)")
    content, problems = load_content(config)
    if any(p.code == "missing-registry" for p in problems):
        raise EnvironmentProblem("không đọc được danh mục units.yaml, categories.yaml hoặc areas.yaml: "
                                 "chạy 'sukien validate' để xem lỗi")
    if unit and content.unit(unit) is None:
        raise EnvironmentProblem(f"không có đơn vị '{unit}' trong units.yaml")
    broken = sorted({p.path for p in problems if p.is_error})
    if broken:
        click.echo(f"sukien: cảnh báo: {len(broken)} tệp có lỗi không được tính "
                   "(chạy 'sukien validate' để xem)", err=True)
    result = month_report(content, first.year, first.month, now(config.timezone), unit)
    data = render_csv(result, content) if fmt == "csv" else render_markdown(result, content).encode("utf-8")
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@main.command()
@CONFIG_OPTION
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to put the site (default: site_dir of mkdocs.yml).")
@CONTENT_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def build(config_file, site_dir, content_dir, strict) -> None:
    """Kiểm tra nội dung rồi tạo trang web và các lịch. Validate, then build the site.

    Invalid content builds nothing and leaves an existing site untouched.

    Example: sukien build -d public --content tests/data/site/content
    """
    from .pipeline.build import build as build_site
    from .pipeline.progress import Progress
    from .vcs.git import GitError

    config = site_config(config_file, content_dir)
    progress = Progress()
    try:
        result = build_site(config, site_dir=site_dir, content_dir=content_dir, strict=strict, progress=progress)
    except (GitError, OSError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS["text"](result.problems, "vi"))
    if has_errors(result.problems, strict):
        click.echo("sukien: nội dung có lỗi, không tạo trang.", err=True)
        sys.exit(1)
    if not result.built:
        raise EnvironmentProblem(f"tạo trang thất bại (mkdocs trả về mã {result.returncode})")
    progress.built(result.site_dir, result.files, result.seconds)


@main.command()
@CONFIG_OPTION
@click.option("-a", "--dev-addr", "address", default="127.0.0.1:8000", show_default=True,
              help="Address of the preview server.")
@CONTENT_OPTION
def serve(config_file, address, content_dir) -> None:
    """Xem trước trang web, tự tải lại khi sửa tệp sự kiện. Live preview.

    Example: sukien serve -a 127.0.0.1:8000
    """
    from .pipeline.serve import serve as run_preview

    sys.exit(run_preview(site_config(config_file, content_dir), address, content_dir))


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
@CONTENT_OPTION
def export(out_dir, config_file, content_dir) -> None:
    """Ghi các trang Markdown và lịch ra thư mục. Write the generated pages and feeds.

    OUT_DIR gets mkdocs.yml, docs/ (hand-written and generated pages, feeds)
    and overrides/: any MkDocs-compatible builder can build it.

    Example: sukien export build/site-src && mkdocs build -f build/site-src/mkdocs.yml
    """
    from .model.clock import now
    from .pipeline.export import export as export_site

    config = site_config(config_file, content_dir)
    try:
        result = export_site(config, out_dir, now(config.timezone))
    except (ConfigError, OSError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS["text"](result.problems, "vi"))
    if not result.ok:
        click.echo("sukien: nội dung có lỗi, không xuất trang.", err=True)
        sys.exit(1)
    click.echo(f"Đã xuất {len(result.site.pages)} trang và {len(result.feeds)} tệp lịch vào {out_dir}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
