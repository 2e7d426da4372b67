"""The command line's language: Vietnamese by default, English with
``--lang en`` or an English locale (``LANG=en_US.UTF-8``), for our own
texts and for Click's (usage, help headings, its error messages).

Part of the command-line adapter (``cli.py``).  Click looks its messages up
through ``gettext``; its modules bind ``_`` and ``ngettext`` at import, so
``install`` points those names at ``translate`` here.  The catalogue below
covers every message of the pinned Click that a user can meet (a test
compares it with Click's source).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping, Sequence

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

LANGUAGES = ("vi", "en")
_state = {"lang": "vi"}

# Click's messages (msgid: Vietnamese); the placeholders stay as they are.
CLICK_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    "Got unexpected extra argument ({args})": "Thừa đối số không dùng được ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số không dùng được ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong các giá trị {choices}.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị đúng/sai. Các giá trị nhận được: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị, nhưng có {len_value}.",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp (cần thư mục).",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục (cần tệp).",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "(dynamic)": "(tự tính)",
    "deprecated": "không còn dùng",
    "Aborted!": "Đã hủy.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp nhau.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Do you want to continue?": "Bạn có muốn tiếp tục không?",
    "Confirm the action without prompting.": "Xác nhận mà không hỏi lại.",
}


def lang() -> str:
    return _state["lang"]


def text(vi: str, en: str) -> str:
    """Our own words, in the command line's language."""
    return en if lang() == "en" else vi


_OS_REASONS = {  # errno: why a file could not be written, in Vietnamese
    errno.ENOENT: "thư mục chứa tệp không tồn tại",
    errno.EACCES: "không có quyền ghi vào đây",
    errno.EPERM: "không có quyền ghi vào đây",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}


def os_reason(error: OSError) -> str:
    """Why an operating-system call failed, in the command line's language
    (the system's own words are English)."""
    reason = error.strerror or str(error)
    return text(_OS_REASONS.get(error.errno or 0, reason), reason)


def choose(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """``--lang`` on the command line, else the locale (``LC_ALL``, then
    ``LANG``): English for ``en*``, Vietnamese otherwise."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in LANGUAGES:
            return value
    locale = environ.get("LC_ALL") or environ.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "vi"


def set_lang(value: str) -> None:
    _state["lang"] = value if value in LANGUAGES else "vi"


def translate(message: str) -> str:
    return CLICK_VI.get(message, message) if lang() == "vi" else message


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


_MODULES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
            click.termui, click.types, click.utils)


def install() -> None:
    """Click's gettext look-ups answered by ``translate``."""
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]


class Option(click.Option):
    """An option whose help has an English version (``help_en``)."""

    def __init__(self, *args, help_en: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help_vi, self.help_en = self.help, help_en

    def get_help_record(self, ctx: click.Context):
        self.help = self.help_en if lang() == "en" and self.help_en else self.help_vi
        return super().get_help_record(ctx)

    def make_metavar(self, ctx: click.Context) -> str:
        metavar = super().make_metavar(ctx)
        words = _METAVARS.get(metavar)
        return text(*words) if words else metavar.replace(" ", "_")


_METAVARS = {  # Click's names of its types, shown after an option in --help
    "TEXT": ("VĂN_BẢN", "TEXT"), "FILENAME": ("TỆP", "FILENAME"), "FILE": ("TỆP", "FILE"),
    "PATH": ("ĐƯỜNG_DẪN", "PATH"), "DIRECTORY": ("THƯ_MỤC", "DIRECTORY"),
    "INTEGER": ("SỐ", "INTEGER"), "FLOAT": ("SỐ", "FLOAT"),
}


def option(*decls: str, en: str | None = None, **kwargs):
    """``click.option`` with a Vietnamese ``help`` and its English ``en``."""
    return click.option(*decls, cls=Option, help_en=en, **kwargs)


LANG_OPTION_HELP = ("Ngôn ngữ của thông báo: vi (mặc định) hoặc en.", "Language of the messages: vi (default) or en.")


def _lang_option() -> Option:
    return Option(["--lang"], type=click.Choice(LANGUAGES), default=None, expose_value=False, is_eager=True,
                  help=LANG_OPTION_HELP[0], help_en=LANG_OPTION_HELP[1])


class _Bilingual:
    """Help texts in both languages (``help_en`` beside the Vietnamese
    docstring), and a ``--lang`` option on every command."""

    help: str | None
    help_vi: str | None
    help_en: str | None
    params: list

    def __init__(self, *args, help_en: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help_vi, self.help_en = self.help, help_en
        if not any(getattr(p, "name", None) == "lang" for p in self.params):
            self.params.append(_lang_option())

    def _pick_help(self) -> None:
        self.help = self.help_en if lang() == "en" and self.help_en else self.help_vi

    def format_help_text(self, ctx, formatter) -> None:
        self._pick_help()
        super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def get_short_help_str(self, limit: int = 45) -> str:
        self._pick_help()
        return super().get_short_help_str(limit)  # type: ignore[misc]

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        usage = {"[OPTIONS]": text("[TÙY_CHỌN]", "[OPTIONS]"), "COMMAND [ARGS]...": text("LỆNH [THAM_SỐ]...",
                                                                                         "COMMAND [ARGS]...")}
        return [usage.get(piece, piece) for piece in pieces]

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # cached by Click: its words follow the language of this run
            option.help = translate("Show this message and exit.")
        return option


class Command(_Bilingual, click.Command):
    pass


class Group(_Bilingual, click.Group):
    """The ``sukien`` group: its commands are ``Command``s; the language is
    chosen before Click parses anything, so that usage errors are in it too."""

    command_class = Command

    def main(self, args=None, *rest, **kwargs):
        import sys

        set_lang(choose(list(sys.argv[1:] if args is None else args)))
        for command in self.commands.values():
            _name_paths(command)
        return super().main(args, *rest, **kwargs)


_PATH_NAMES = {(True, False): "file", (False, True): "directory"}


def _name_paths(command: click.Command) -> None:
    """Click names a path type ("file", "directory") when it is made, at
    import: name it again in this run's language (metavars, messages)."""
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = translate(_PATH_NAMES.get((param.type.file_okay, param.type.dir_okay), "path"))
