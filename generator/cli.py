"""The ``sukien`` command.  Each command parses its options, calls one core
function and maps the outcome to an exit code: 0 ok, 1 invalid content,
2 usage or environment error."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from . import cli_i18n
from .cli_i18n import option, os_reason, text
from .load.config import ConfigError, SiteConfig, load_site_config
from .model.problems import FORMATTERS, has_errors
from .pipeline import collection, process

cli_i18n.install()

CONFIG_OPTION = option(
    "-f", "--config-file", "config_file", default="mkdocs.yml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Tệp cấu hình trang web.", en="Site configuration.",
)
CONTENT_OPTION = option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục nội dung dùng thay cho thư mục trong cấu hình.",
    en="Content tree to use instead of the configured one.",
)
FORMAT_HELP = ("Dạng kết quả: text (đọc trên màn hình), github (chú thích pull request) hoặc json.",
               "Output: text (for people), github (pull-request annotations) or json.")
LANG_HELP = ("Ngôn ngữ của thông báo: vi (mặc định) hoặc en.", "Language of the messages: vi (default) or en.")
STRICT_HELP = ("Coi cảnh báo là lỗi.", "Treat warnings as errors.")


def no_content(root: Path) -> str:
    return text(f"không tìm thấy thư mục nội dung '{root.as_posix()}' (dùng --content DIR)",
                f"no content folder '{root.as_posix()}' (use --content DIR)")


def error_prefix() -> str:
    return text("sukien: lỗi: ", "sukien: error: ")


class EnvironmentProblem(click.ClickException):
    """Exit code 2: the command cannot run here (config, git, paths)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"{error_prefix()}{self.format_message()}", err=True, file=file)


def need_config_file(config_file: Path) -> None:
    """build and serve hand mkdocs.yml to MkDocs: it must be there."""
    if not config_file.is_file():
        raise EnvironmentProblem(text(f"không tìm thấy tệp cấu hình trang '{config_file.as_posix()}' "
                                      "(chạy lệnh trong thư mục dự án, hoặc dùng -f mkdocs.yml)",
                                      f"no site configuration '{config_file.as_posix()}' "
                                      "(run in the project's folder, or use -f mkdocs.yml)"))


def site_config(config_file: Path, content_dir: Path | None) -> SiteConfig:
    try:
        return load_site_config(config_file).with_content(content_dir)
    except ConfigError as error:
        raise EnvironmentProblem(str(error)) from error


@click.group(cls=cli_i18n.Group, context_settings={"help_option_names": ["-h", "--help"]},
             help_en="The event calendar of Lai Châu province: checks the content, builds the website and "
                     "the calendars.  Messages in Vietnamese; English with --lang en or an English LANG.")
@click.version_option(package_name="sukien", cls=cli_i18n.Option, help="Hiện phiên bản rồi thoát.",
                      help_en="Show the version and exit.")
def main() -> None:
    """Lịch sự kiện tỉnh Lai Châu: kiểm tra nội dung, tạo trang web và lịch.

    Thông báo bằng tiếng Việt; tiếng Anh với --lang en hoặc khi LANG là tiếng Anh."""
    from .model.clock import ClockError, pinned

    for stream in (sys.stdout, sys.stderr):
        _never_fail_on_encoding(stream)
    try:
        pinned()
    except ClockError as error:
        raise EnvironmentProblem(str(error)) from error


def _never_fail_on_encoding(stream) -> None:
    """Vietnamese text on a stream that is not UTF-8 (a Windows console
    redirected to a file, LANG=C) is written as UTF-8, never refused."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):  # a stream already written to in another encoding
            stream.reconfigure(errors="backslashreplace")


@main.command(help_en="""Validate the content tree (or PATHS in it).

    Exit code 0 valid, 1 invalid, 2 usage or environment error.

    Example: sukien validate content/events/so-vhttdl/le-hoi-then-kin-pang.yaml
    """)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@CONFIG_OPTION
@CONTENT_OPTION
@option("--base", help="Nhánh git để so sánh: xoá sự kiện đã công bố là lỗi, sự kiện mới đã qua là cảnh báo.",
        en="Git revision to compare with: a removed published event is an error, a new event already over a warning.")
@option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
        help=FORMAT_HELP[0], en=FORMAT_HELP[1])
@option("--lang", type=click.Choice(["vi", "en"]), default=None, help=LANG_HELP[0], en=LANG_HELP[1])
@option("--strict", is_flag=True, help=STRICT_HELP[0], en=STRICT_HELP[1])
def validate(paths, config_file, content_dir, base, fmt, lang, strict) -> None:
    """Kiểm tra các tệp sự kiện (cả thư mục nội dung, hoặc các tệp PATHS).

    Mã thoát 0: hợp lệ; 1: có lỗi; 2: sai cách dùng hoặc lỗi môi trường.

    Ví dụ: sukien validate content/events/so-vhttdl/le-hoi-then-kin-pang.yaml
    """
    from .pipeline.validate import validate_tree
    from .vcs.git import GitError

    config = site_config(config_file, content_dir)
    try:
        with collection.off():
            result = validate_tree(config, files=list(paths) or None, base=base)
    except (GitError, OSError) as error:
        raise EnvironmentProblem(str(error)) from error
    lang = lang or cli_i18n.lang()
    sys.stdout.write(FORMATTERS[fmt](result.problems, lang))
    if fmt == "text":
        click.echo(result.summary(lang, strict), err=True)
    sys.exit(1 if has_errors(result.problems, strict) else 0)


@main.command(help_en="""Print the event file's JSON Schema.

    The ids of the content tree's registries, when it has them, are offered
    for completion (unless --generic).

    Example: sukien schema > content/event.schema.json
    """)
@CONFIG_OPTION
@CONTENT_OPTION
@option("--generic", is_flag=True, help="Không gợi ý mã trong các danh mục (chủ đề, địa bàn, đơn vị).",
        en="Do not offer the registries' ids (categories, areas, units).")
def schema(config_file, content_dir, generic) -> None:
    """In JSON Schema của tệp sự kiện (cho trình soạn thảo gợi ý).

    Mã trong các danh mục của thư mục nội dung được gợi ý (trừ khi có --generic).

    Ví dụ: sukien schema > content/event.schema.json
    """
    from .workflow.schema import read_registries, schema_json

    registries = None if generic else read_registries(site_config(config_file, content_dir).content_dir)
    sys.stdout.write(schema_json(registries))


class Refused(click.ClickException):
    """Exit code 1: the command would break the content (an id in use)."""

    def show(self, file=None) -> None:
        click.echo(f"{error_prefix()}{self.format_message()}", err=True, file=file)


@main.command(help_en="""Create a new event file, asking in Vietnamese.

    Prints the new file's path.  Without a terminal (or with
    --no-interactive), the required flags must all be given.

    \b
    Example: sukien new --unit so-vhttdl --title "Lễ hội Then Kin Pang" \\
      --summary "..." --category le-hoi --start "2026-04-26 07:30" \\
      --place "Sân văn hoá xã Khổng Lào" --contact-name "..." --phone "0213 3800 000"
    """)
@CONFIG_OPTION
@CONTENT_OPTION
@option("--unit", help="Đơn vị tổ chức: mã, tên hoặc một phần tên (units.yaml).", en="Organising unit: id or name, or a part of the name (units.yaml).")
@option("--title", help="Tên sự kiện.", en="Event title.")
@option("--summary", help="Tóm tắt, một hai câu.", en="Summary, one or two sentences.")
@option("--description", help="Giới thiệu chi tiết (Markdown, nhiều dòng).", en="Description (Markdown, several lines).")
@option("--category", help="Chủ đề: mã hoặc tên (categories.yaml).", en="Category: id or name (categories.yaml).")
@option("--start", help="Bắt đầu: YYYY-MM-DD hoặc YYYY-MM-DD HH:MM.", en="Start: YYYY-MM-DD or YYYY-MM-DD HH:MM.")
@option("--end", help="Kết thúc, cùng kiểu với --start (hoặc HH:MM cùng ngày).", en="End, same kind as --start (or HH:MM on the same day).")
@option("--place", help="Tên địa điểm.", en="Place name.")
@option("--address", help="Địa chỉ.", en="Address.")
@option("--area", help="Xã, phường: mã hoặc tên (areas.yaml).", en="Commune or ward: id or name (areas.yaml).")
@option("--directions", help="Đường đi tới địa điểm (tuyến đường, khoảng cách, chỗ đỗ xe, mùa mưa).", en="How to get there (road, distance, parking, rainy season).")
@option("--price", help="Giá vé, ví dụ \"Miễn phí\".", en='Price, for example "Miễn phí" (free).')
@option("--contact-name", help="Đầu mối liên hệ.", en="Official contact.")
@option("--phone", help="Số điện thoại liên hệ.", en="Contact phone number.")
@option("--email", help="Thư điện tử liên hệ.", en="Contact e-mail.")
@option("--press-invited/--no-press-invited", default=None, help="Có mời báo chí không.", en="Whether the press is invited.")
@option("--accreditation-deadline", help="Hạn đăng ký tác nghiệp cho báo chí (ngày hoặc ngày giờ).", en="Press accreditation deadline (date or date-time).")
@option("--press-contact-name", help="Đầu mối liên hệ báo chí (nếu khác đầu mối chung).", en="Press contact (if not the official contact).")
@option("--press-phone", help="Số điện thoại liên hệ báo chí.", en="Phone number of the press contact.")
@option("--press-email", help="Thư điện tử liên hệ báo chí.", en="E-mail of the press contact.")
@option("--repeat", help="Lặp lại: hằng năm (yearly) hoặc âm lịch (lunar-yearly).", en="Repeat: yearly or lunar-yearly.")
@option("--title-en", help="Tên tiếng Anh.", en="English title.")
@option("--summary-en", help="Tóm tắt tiếng Anh.", en="English summary.")
@option("--place-en", help="Tên địa điểm tiếng Anh.", en="English place name.")
@option("--directions-en", help="Đường đi bằng tiếng Anh.", en="Directions in English.")
@option("--price-en", help="Giá vé bằng tiếng Anh.", en="Price in English.")
@option("--id", "event_id", help="Mã sự kiện; như tên, được chuyển thành mã và thêm năm (trừ sự kiện lặp lại).", en="Event id; like the title, made an id with the year added (except for a series).")
@option("--force-id", is_flag=True, help="Dùng đúng --id đã cho (không thêm năm).", en="Use --id exactly as given (no year added).")
@option("--interactive/--no-interactive", default=None,
        help="Hỏi từng câu (mặc định: khi chạy trong cửa sổ lệnh).",
        en="Ask each question (default: when run in a terminal).")
def new(config_file, content_dir, event_id, force_id, interactive, **flags) -> None:
    """Tạo tệp sự kiện mới, hỏi từng câu bằng tiếng Việt.

    In đường dẫn của tệp mới.  Khi không chạy trong cửa sổ lệnh (hoặc với
    --no-interactive), cần ghi đủ các tùy chọn bắt buộc.

    \b
    Ví dụ: sukien new --unit so-vhttdl --title "Lễ hội Then Kin Pang" \\
      --summary "..." --category le-hoi --start "2026-04-26 07:30" \\
      --place "Sân văn hoá xã Khổng Lào" --contact-name "..." --phone "0213 3800 000"
    """
    from .model.clock import now
    from .workflow import newevent as ne
    from .workflow.schema import read_registries

    config = site_config(config_file, content_dir)
    root = config.content_dir
    if not root.is_dir():
        raise EnvironmentProblem(no_content(root))
    given = {key: ("có" if value else "không") if isinstance(value, bool) else value
             for key, value in flags.items()}
    if force_id and not event_id:
        raise EnvironmentProblem(text("--force-id cần đi kèm --id (xem sukien new --help)",
                                      "--force-id needs --id (see sukien new --help)"))
    qs = ne.questions(read_registries(root))
    if sys.stdin.isatty() if interactive is None else interactive:
        def ask(prompt, default):
            return click.prompt(prompt, default=default or "", show_default=bool(default), err=True)

        def tell(text):
            click.echo(text, err=True)

        try:
            answers = ne.interview(qs, given, ask, tell, now(config.timezone))
            event_id = ne.ask_id(root, answers, ask, tell, event_id, force_id)
        except click.Abort:  # Ctrl-D or Ctrl-C at a prompt
            click.echo(text("\nĐã huỷ, chưa tạo tệp.", "\nCancelled, no file written."), err=True)
            sys.exit(1)
    else:
        try:
            answers = ne.from_flags(qs, given)
            event_id = ne.id_from_flags(root, answers, event_id, force_id)
        except ne.FlagProblems as problems:
            raise EnvironmentProblem(f"{problems}\n" + text("(xem sukien new --help)", "(see sukien new --help)")) from problems
        except ne.IdTaken as error:
            raise Refused(f"{error} " + text("(dùng --id)", "(use --id)")) from error
        except ne.AnswerError as error:
            raise EnvironmentProblem(f"--id: {error}") from error
        past = ne.past_message(answers, now(config.timezone))
        if past:
            click.echo(text(f"sukien: cảnh báo: {past} Hãy kiểm tra lại ngày.",
                            f"sukien: warning: {past} Check the dates."), err=True)
    try:
        path = ne.write_event(root, answers, event_id)
    except FileExistsError as error:
        raise Refused(text(f"{error.filename} đã có; không ghi đè", f"{error.filename} exists; not overwritten")) from error
    except OSError as error:
        raise EnvironmentProblem(text(f"không ghi được tệp {error.filename}: {os_reason(error)}",
                                      f"cannot write {error.filename}: {os_reason(error)}")) from error
    click.echo(path.as_posix())
    click.echo(text(f"Đã tạo tệp sự kiện. Kiểm tra: sukien validate {path.as_posix()}",
                    f"Event file written. Check it: sukien validate {path.as_posix()}"), err=True)



@main.command(help_en="""Write .github/CODEOWNERS from the units' maintainers and the editors of
    mkdocs.yml, or with --check fail when it is out of date.

    Example: sukien codeowners --check
    """)
@CONFIG_OPTION
@option("--check", is_flag=True, help="Chỉ kiểm tra .github/CODEOWNERS đã cập nhật chưa (mã thoát 1 nếu chưa).",
        en="Only check that .github/CODEOWNERS is up to date (exit 1 if not).")
def codeowners(config_file, check) -> None:
    """Tạo (hoặc kiểm tra) .github/CODEOWNERS từ content/units.yaml.

    Ghi .github/CODEOWNERS từ người quản lý của các đơn vị và biên tập viên
    trong mkdocs.yml; với --check, báo lỗi khi tệp chưa cập nhật.

    Ví dụ: sukien codeowners --check
    """
    from .workflow.codeowners import CODEOWNERS_PATH, OwnersError, expected_codeowners, project_root

    config = site_config(config_file, None)
    try:
        wanted = expected_codeowners(config)
    except OwnersError as error:
        raise EnvironmentProblem(str(error)) from error
    target = project_root(config) / CODEOWNERS_PATH
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if check:
        if current != wanted:
            state = (text("chưa có", "is missing") if current is None else
                     text("chưa khớp với content/units.yaml và mkdocs.yml (editors)",
                          "does not match content/units.yaml and mkdocs.yml (editors)"))
            click.echo(error_prefix() + f"{target.as_posix()} {state}. " + text(
                "Hãy chạy 'sukien codeowners' rồi commit tệp .github/CODEOWNERS.",
                "Run 'sukien codeowners' and commit .github/CODEOWNERS."), err=True)
            sys.exit(1)
        click.echo(text(f"{target.as_posix()} đã cập nhật.", f"{target.as_posix()} is up to date."), err=True)
        return
    if not config.editors:
        click.echo(text("sukien: cảnh báo: mkdocs.yml chưa có danh sách 'editors' (biên tập viên của Sở).",
                         "sukien: warning: mkdocs.yml lists no 'editors'."), err=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(wanted, encoding="utf-8", newline="\n")
    click.echo(target.as_posix())


@main.command("check-owners", help_en="""Check the files a pull request changes against its author's rights.

    The files changed since BASE (git diff BASE...HEAD) against the author's
    units: a unit's folder may be changed by its maintainers and the editors
    only; anything else needs an editor.  Rights are read from BASE.  The git
    repository is the one holding the content (--content): the pull-request
    workflow runs the base branch's sukien, with its mkdocs.yml, over the
    pull request's checkout.

    Example: sukien check-owners --author nguyenvana --base origin/main
    """)
@CONFIG_OPTION
@CONTENT_OPTION
@option("--author", required=True, help="Người tạo pull request (tài khoản GitHub).",
        en="The pull request's author (GitHub login).")
@option("--base", required=True, help="Nhánh git mà pull request so sánh với (origin/main).",
        en="Git revision the pull request is compared with (origin/main).")
@option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
        help=FORMAT_HELP[0], en=FORMAT_HELP[1])
@option("--lang", type=click.Choice(["vi", "en"]), default=None, help=LANG_HELP[0], en=LANG_HELP[1])
def check_owners(config_file, content_dir, author, base, fmt, lang) -> None:
    """Kiểm tra quyền sửa thư mục của từng đơn vị trong một pull request.

    So các tệp thay đổi kể từ BASE (git diff BASE...HEAD) với các đơn vị của
    người gửi: thư mục của một đơn vị chỉ người quản lý của đơn vị đó và biên
    tập viên được sửa; mọi tệp khác cần biên tập viên.  Quyền được đọc từ
    BASE.  Kho git là kho chứa thư mục nội dung (--content): quy trình kiểm
    tra pull request chạy sukien của nhánh đích, với mkdocs.yml của nhánh
    đích, trên bản lấy về của pull request.

    Ví dụ: sukien check-owners --author nguyenvana --base origin/main
    """
    from .workflow.codeowners import OwnersError
    from .workflow.ownership import check_pull_request
    from .vcs.git import GitError

    config = site_config(config_file, content_dir)
    try:
        problems = check_pull_request(config, author, base)
    except (OwnersError, GitError) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS[fmt](problems, lang or cli_i18n.lang()))
    errors = sum(p.is_error for p in problems)
    click.echo(text(f"Kiểm tra quyền của @{author}: {errors} lỗi, {len(problems) - errors} cần duyệt thêm.",
                    f"Rights of @{author}: {errors} errors, {len(problems) - errors} to be reviewed."), err=True)
    sys.exit(1 if errors else 0)


@main.command("from-issue", help_en="""Turn a submitted issue form into an event file.

    Prints it, or with --write creates it and prints its path.  Lists every
    problem in Vietnamese (exit 1).

    Example: gh issue view 12 --json body -q .body | sukien from-issue --write
    """)
@CONFIG_OPTION
@CONTENT_OPTION
@option("--body-file", type=click.File("rb"), default="-", show_default=True,
        help="Nội dung phiếu (Markdown của issue); - là đọc từ đầu vào chuẩn.",
        en="The issue's body (Markdown of the issue form); - reads standard input.")
@option("--write", is_flag=True, help="Ghi tệp sự kiện (nếu không thì chỉ in ra).",
        en="Write the event file (otherwise print it).")
def from_issue(config_file, content_dir, body_file, write) -> None:
    """Chuyển phiếu "Đăng ký sự kiện" (issue) thành tệp sự kiện.

    In tệp ra, hoặc với --write thì tạo tệp và in đường dẫn.  Liệt kê mọi
    chỗ chưa đúng bằng tiếng Việt (mã thoát 1).

    Ví dụ: gh issue view 12 --json body -q .body | sukien from-issue --write
    """
    from .workflow import from_issue as fi
    from .model.problems import format_text

    config = site_config(config_file, content_dir)
    try:
        body = body_file.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        click.echo(text(f"Phiếu đăng ký không phải văn bản UTF-8 (byte {error.start + 1}); "
                        "hãy dán lại nội dung dạng văn bản thường.",
                        f"The issue body is not UTF-8 text (byte {error.start + 1}); paste it again as plain text."),
                   err=True)
        sys.exit(1)
    try:
        draft = fi.draft_from_body(body, config.content_dir)
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
        click.echo(error_prefix() + text(f"{error.filename} đã có; không ghi đè", f"{error.filename} exists; not overwritten"),
                   err=True)
        sys.exit(1)
    except OSError as error:
        raise EnvironmentProblem(text(f"không ghi được tệp {error.filename}: {os_reason(error)}",
                                      f"cannot write {error.filename}: {os_reason(error)}")) from error
    click.echo(path.as_posix())


@main.command(help_en="""The monthly report of events per unit: Markdown, CSV for Excel, or a Word document ready to sign.

    The month's events per unit (held, upcoming, postponed, cancelled; press
    invited; press coverage; English version) and totals by category and area.

    Example: sukien report --month 2026-04 --unit so-vhttdl --format docx -o bao-cao.docx
    """)
@CONFIG_OPTION
@CONTENT_OPTION
@option("--month", required=True, metavar="YYYY-MM", help="Tháng báo cáo, dạng YYYY-MM (ví dụ 2026-04).",
        en="The month, YYYY-MM (for example 2026-04).")
@option("--unit", help="Chỉ đơn vị này: mã, tên hoặc một phần tên (units.yaml).",
        en="Only this unit: its id, its name or a part of it (units.yaml).")
@option("--format", "fmt", type=click.Choice(["md", "csv", "docx"]), default="md", show_default=True,
        help="Dạng báo cáo: md (Markdown), csv (Excel) hoặc docx (Word, để ký).",
        en="Report format: md (Markdown), csv (Excel) or docx (Word, to sign).")
@option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
        help="Ghi vào tệp này thay vì in ra màn hình.", en="Write to this file instead of standard output.")
def report(config_file, content_dir, month, unit, fmt, output) -> None:
    """Báo cáo sự kiện trong tháng của từng đơn vị: Markdown, CSV cho Excel, hoặc văn bản Word để ký.

    Các sự kiện trong tháng của từng đơn vị (đã diễn ra, sắp diễn ra, hoãn,
    hủy; mời báo chí; báo chí đưa tin; bản tiếng Anh) và tổng theo chủ đề,
    địa bàn.

    Ví dụ: sukien report --month 2026-04 --unit so-vhttdl --format docx -o bao-cao.docx
    """
    import datetime as dt

    from .model.clock import now
    from .load.content import load_content
    from .workflow.report import month_report, render_csv, render_markdown

    try:
        first = dt.datetime.strptime(month, "%Y-%m")
    except ValueError:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}", month):  # the form is right, the month is not
            raise click.BadParameter(text(f"'{month}': tháng {month[5:]} không có (tháng từ 01 đến 12)",
                                          f"'{month}': there is no month {month[5:]} (months are 01 to 12)"),
                                     param_hint="'--month'") from None
        raise click.BadParameter(text(f"'{month}' không đúng dạng YYYY-MM (ví dụ 2026-04)",
                                      f"'{month}' is not in the form YYYY-MM (for example 2026-04)"),
                                 param_hint="'--month'") from None
    config = site_config(config_file, content_dir)
    if not config.content_dir.is_dir():
        raise EnvironmentProblem(no_content(config.content_dir))
    content, problems = load_content(config)
    if any(p.code == "missing-registry" for p in problems):
        raise EnvironmentProblem(text("không đọc được danh mục units.yaml, categories.yaml hoặc areas.yaml: "
                                      "chạy 'sukien validate' để xem lỗi",
                                      "cannot read units.yaml, categories.yaml or areas.yaml: "
                                      "run 'sukien validate' to see why"))
    if unit:
        from .workflow.answers import AnswerError, pick_entry
        from .workflow.schema import read_registries

        try:
            unit = pick_entry(unit, read_registries(config.content_dir).units, "đơn vị", "content/units.yaml",
                              "units")
        except AnswerError as error:
            raise EnvironmentProblem(text(f"--unit: {error}", f"--unit: {error.en}")) from error
    broken = sorted({p.path for p in problems if p.is_error})
    if broken:
        click.echo(text(f"sukien: cảnh báo: {len(broken)} tệp có lỗi không được tính (chạy 'sukien validate' để xem)",
                        f"sukien: warning: {len(broken)} files with errors are not counted (run 'sukien validate')"),
                   err=True)
    if output:
        from .pipeline.target import UnsafeTarget, check_output_file

        try:
            check_output_file(output, config)
        except UnsafeTarget as error:
            raise EnvironmentProblem(str(error)) from error
    result = month_report(content, first.year, first.month, now(config.timezone), unit)
    if fmt == "docx":
        from .workflow.report_docx import render_docx

        data = render_docx(result, content, content.unit(unit) if unit else None)
        if output is None and sys.stdout.isatty():  # a document is no text for the terminal
            output = Path(f"bao-cao-su-kien-{month}{'-' + unit if unit else ''}.docx")
            click.echo(output.as_posix())
    else:
        data = render_csv(result, content) if fmt == "csv" else render_markdown(result, content).encode("utf-8")
    if output:
        try:
            output.write_bytes(data)
        except OSError as error:
            raise EnvironmentProblem(text(f"không ghi được tệp {output}: {os_reason(error)}",
                                          f"cannot write {output}: {os_reason(error)}")) from error
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@main.command(help_en="""Validate, then build the site and its calendars.

    Invalid content builds nothing and leaves an existing site untouched.

    Example: sukien build -d public --content tests/data/site/content
    """)
@CONFIG_OPTION
@option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path),
        help="Thư mục ghi trang web (mặc định: site_dir trong mkdocs.yml).",
        en="Where to put the site (default: site_dir of mkdocs.yml).")
@CONTENT_OPTION
@option("--strict", is_flag=True, help=STRICT_HELP[0], en=STRICT_HELP[1])
def build(config_file, site_dir, content_dir, strict) -> None:
    """Kiểm tra nội dung rồi tạo trang web và các lịch.

    Nội dung có lỗi thì không tạo gì và giữ nguyên trang đã có.

    Ví dụ: sukien build -d public --content tests/data/site/content
    """
    from .pipeline.build import build as build_site
    from .pipeline.progress import Progress
    from .pipeline.target import UnsafeTarget
    from .vcs.git import GitError

    config = site_config(config_file, content_dir)
    need_config_file(config_file)
    progress = Progress(lang=cli_i18n.lang())
    try:
        result = build_site(config, site_dir=site_dir, content_dir=content_dir, strict=strict, progress=progress)
    except (GitError, OSError, UnsafeTarget) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS["text"](result.problems, cli_i18n.lang()))
    if has_errors(result.problems, strict):
        click.echo(text("sukien: nội dung có lỗi, không tạo trang.", "sukien: the content has errors; nothing built."), err=True)
        sys.exit(1)
    if not result.built:
        raise EnvironmentProblem(text(f"tạo trang thất bại (mkdocs trả về mã {result.returncode})",
                                      f"the build failed (mkdocs returned {result.returncode})"))
    progress.built(result.site_dir, result.files, result.seconds)


@main.command(help_en="""Live preview, reloading when an event file or a registry changes.

    Example: sukien serve -a 127.0.0.1:8000
    """)
@CONFIG_OPTION
@option("-a", "--dev-addr", "address", default="127.0.0.1:8000", show_default=True,
        help="Địa chỉ của máy chủ xem trước.", en="Address of the preview server.")
@CONTENT_OPTION
def serve(config_file, address, content_dir) -> None:
    """Xem trước trang web, tự tải lại khi sửa tệp sự kiện hoặc danh mục.

    Ví dụ: sukien serve -a 127.0.0.1:8000
    """
    from .pipeline.serve import serve as run_preview

    config = site_config(config_file, content_dir)
    need_config_file(config_file)
    sys.exit(run_preview(config, address, content_dir))


@main.command(help_en="""Write the generated pages and feeds.

    OUT_DIR gets mkdocs.yml, docs/ (hand-written and generated pages, feeds)
    and overrides/: any MkDocs-compatible builder can build it.

    Example: sukien export build/site-src && mkdocs build -f build/site-src/mkdocs.yml
    """)
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
@CONTENT_OPTION
def export(out_dir, config_file, content_dir) -> None:
    """Ghi các trang Markdown và lịch ra thư mục, cho công cụ khác tạo trang.

    OUT_DIR nhận mkdocs.yml, docs/ (trang viết tay, trang tạo ra, các lịch)
    và overrides/: mọi công cụ tương thích MkDocs đều tạo được trang từ đó.

    Ví dụ: sukien export build/site-src && mkdocs build -f build/site-src/mkdocs.yml
    """
    from .model.clock import now
    from .pipeline.export import export as export_site
    from .pipeline.target import UnsafeTarget

    config = site_config(config_file, content_dir)
    try:
        result = export_site(config, out_dir, now(config.timezone))
    except (ConfigError, OSError, UnsafeTarget) as error:
        raise EnvironmentProblem(str(error)) from error
    sys.stdout.write(FORMATTERS["text"](result.problems, cli_i18n.lang()))
    if not result.ok:
        click.echo(text("sukien: nội dung có lỗi, không xuất trang.", "sukien: the content has errors; nothing exported."), err=True)
        sys.exit(1)
    click.echo(text(f"Đã xuất {len(result.site.pages)} trang và {len(result.feeds)} tệp lịch vào {out_dir}",
                    f"Exported {len(result.site.pages)} pages and {len(result.feeds)} feed files to {out_dir}"),
               err=True)


def run() -> None:
    """The ``sukien`` command (:func:`main`), which leaves without taking
    the process apart (:func:`~generator.pipeline.process.leave`)."""
    try:
        main(prog_name="sukien")
        code: object = 0
    except SystemExit as leaving:
        code = leaving.code
    if isinstance(code, str):  # sys.exit("message"): said on stderr, as Python does
        click.echo(code, err=True)
    process.leave(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":  # pragma: no cover
    run()
