"""``sukien new``: the questions, the answers' rules and the file they make.

Pure functions over plain data; the command supplies the terminal (``ask``
and ``tell``).  Every answer is checked when given, so the written file is
valid as soon as it exists.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from slugify import slugify

from .model import REPEATS
from .eventfile import Quoted, dump_event
from .schema import EMAIL_PATTERN, ID_PATTERN, PHONE_PATTERN, Registries

Parse = Callable[[str, dict], object]


class AnswerError(ValueError):
    """An answer that cannot be used; the message is for the user (Vietnamese)."""


class IdTaken(AnswerError):
    """The event id is already used by a file (any unit, any case)."""


@dataclass(frozen=True)
class Question:
    key: str  # the answer's key; the command-line flag is --key-with-hyphens
    prompt: str
    parse: Parse  # text and earlier answers -> value; raises AnswerError
    required: bool | Callable[[dict], bool] = False  # may depend on earlier answers
    default: str | None = None
    choices: tuple[tuple[str, str], ...] = ()  # listed before asking
    when: Callable[[dict], bool] | None = None  # asked only if true
    alternative: str | None = None  # a flag that may stand in for this one

    @property
    def flag(self) -> str:
        return "--" + self.key.replace("_", "-")

    def needed(self, answers: dict) -> bool:
        return self.required(answers) if callable(self.required) else self.required


def questions(reg: Registries) -> list[Question]:
    """The questions of ``sukien new``, in the order they are asked."""
    return [
        Question("unit", "Đơn vị tổ chức (số thứ tự hoặc mã)", _choice(reg.units, "đơn vị"),
                 True, choices=reg.units),
        Question("title", "Tên sự kiện", _line(150), True),
        Question("summary", "Tóm tắt (một, hai câu)", _line(300), True),
        Question("category", "Chủ đề (số thứ tự hoặc mã)", _choice(reg.categories, "chủ đề"),
                 True, choices=reg.categories),
        Question("start", "Bắt đầu: ngày YYYY-MM-DD (cả ngày) hoặc ngày giờ YYYY-MM-DD HH:MM",
                 lambda text, _: parse_when(text), True),
        Question("end", "Kết thúc (cùng kiểu với bắt đầu, hoặc HH:MM nếu cùng ngày; "
                 "bỏ trống nếu không có)", parse_end),
        Question("place", "Tên địa điểm", _line(200), True),
        Question("address", "Địa chỉ (có thể bỏ trống)", _line(300)),
        Question("area", "Xã, phường (số thứ tự hoặc mã; có thể bỏ trống)",
                 _choice(reg.areas, "xã, phường"), choices=reg.areas),
        Question("contact_name", "Đầu mối liên hệ (đơn vị hoặc người phát ngôn)", _line(200), True),
        Question("phone", "Số điện thoại liên hệ", parse_phone),
        Question("email", "Thư điện tử liên hệ (cần nếu không có số điện thoại)", parse_email,
                 required=lambda answers: not answers.get("phone"), alternative="--phone"),
        Question("press_invited", "Có mời báo chí không? (có/không)", parse_yes_no, default="không"),
        Question("repeat", "Lặp lại hằng năm? (không / yearly: cùng ngày dương lịch / "
                 "lunar-yearly: cùng ngày âm lịch)", parse_repeat, default="không"),
        Question("title_en", "Tên tiếng Anh (có thể bỏ trống)", _line(150)),
        Question("summary_en", "Tóm tắt tiếng Anh (có thể bỏ trống)", _line(300),
                 when=lambda answers: bool(answers.get("title_en"))),
    ]


# --- Parsing answers -------------------------------------------------------

def clean_line(text: str) -> str:
    """One line of plain text: NFC, whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _line(limit: int) -> Parse:
    def parse(text: str, _answers: dict) -> str:
        value = clean_line(text)
        if any(unicodedata.category(c) == "Cc" for c in value):
            raise AnswerError("có ký tự điều khiển không in được")
        if len(value) > limit:
            raise AnswerError(f"dài {len(value)} ký tự, tối đa {limit} ký tự")
        return value
    return parse


def _choice(entries: tuple[tuple[str, str], ...], what: str) -> Parse:
    """An id from a registry, or its number in the listed choices.  Without
    a registry any id-form value is taken (the validator will judge it)."""
    def parse(text: str, _answers: dict) -> str:
        value = clean_line(text)
        ids = [i for i, _ in entries]
        if value.isdigit() and ids and 1 <= int(value) <= len(ids):
            return ids[int(value) - 1]
        if value in ids or (not ids and re.fullmatch(ID_PATTERN, value)):
            return value
        guess = difflib.get_close_matches(value, ids, n=1)
        hint = f"; có phải ý bạn là \"{guess[0]}\"?" if guess else ""
        listing = f" (số từ 1 đến {len(ids)}, hoặc một mã trong danh sách)" if ids else " (dạng mã, ví dụ le-hoi)"
        raise AnswerError(f"không có {what} \"{value}\"{hint}{listing}")
    return parse


_DATE_FORMS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
_TIME_FORMS = ("%H:%M", "%Hh%M", "%Hh")


def parse_when(text: str) -> str:
    """A date or date-time, as ISO text (``2026-04-07``, ``2026-04-07 07:30``).
    Also takes the Vietnamese ``07/04/2026`` and a ``T`` separator."""
    value = clean_line(text).replace("T", " ")
    day_text, _, time_text = value.partition(" ")
    day = _strptime(day_text, _DATE_FORMS, "ngày", "YYYY-MM-DD, ví dụ 2026-04-07").date()
    if not time_text:
        return day.isoformat()
    hour = _strptime(time_text, _TIME_FORMS, "giờ", "HH:MM, ví dụ 07:30").time()
    return f"{day.isoformat()} {hour:%H:%M}"


def _strptime(text: str, forms: tuple[str, ...], what: str, expected: str) -> dt.datetime:
    for form in forms:
        try:
            return dt.datetime.strptime(text, form)
        except ValueError:
            continue
    raise AnswerError(f"\"{text}\" không phải là {what} hợp lệ; cần dạng {expected}")


def parse_end(text: str, answers: dict) -> str | None:
    """Same kind as ``start`` and not before it; with a timed start a bare
    ``HH:MM`` means the same day."""
    start = answers.get("start")
    if not start:
        raise AnswerError("cần ngày bắt đầu hợp lệ trước")
    value = clean_line(text)
    timed = " " in start
    if timed and not re.search(r"[-/]", value):
        value = f"{start[:10]} {value}"
    end = parse_when(value)
    if timed != (" " in end):
        kind = "ngày giờ (YYYY-MM-DD HH:MM)" if timed else "ngày (YYYY-MM-DD)"
        raise AnswerError(f"bắt đầu là {kind} nên kết thúc cũng phải là {kind}")
    if end < start:
        raise AnswerError(f"kết thúc ({end}) trước bắt đầu ({start})")
    return end


def parse_phone(text: str, _answers: dict) -> str:
    value = clean_line(text)
    if not re.fullmatch(PHONE_PATTERN, value):
        raise AnswerError(f"\"{value}\" không phải là số điện thoại; chỉ dùng chữ số, dấu cách, "
                          "chấm, gạch nối, ngoặc và dấu + ở đầu")
    return value


def parse_email(text: str, _answers: dict) -> str:
    value = clean_line(text)
    if not re.fullmatch(EMAIL_PATTERN, value):
        raise AnswerError(f"\"{value}\" không phải là địa chỉ thư điện tử")
    return value


_YES = {"có", "co", "c", "yes", "y", "true", "1"}
_NO = {"không", "khong", "k", "no", "n", "false", "0"}


def parse_yes_no(text: str, _answers: dict) -> bool:
    value = clean_line(text).lower()
    if value in _YES or value in _NO:
        return value in _YES
    raise AnswerError(f"\"{value}\": hãy trả lời \"có\" hoặc \"không\"")


def parse_repeat(text: str, _answers: dict) -> str | None:
    value = clean_line(text).lower()
    if value in _NO:
        return None
    if value in REPEATS:
        return value
    raise AnswerError(f"\"{value}\": chọn \"không\", \"yearly\" hoặc \"lunar-yearly\"")


# --- Asking ----------------------------------------------------------------

Ask = Callable[[str, str | None], str]  # prompt, default -> the typed text
Tell = Callable[[str], None]


class FlagProblems(Exception):
    """Flags missing or invalid when nobody can be asked (a usage error)."""

    def __init__(self, missing: list[str], invalid: list[str]):
        self.missing, self.invalid = missing, invalid
        lines = [f"thiếu tuỳ chọn bắt buộc: {', '.join(missing)}"] if missing else []
        super().__init__("\n".join(lines + invalid))


def from_flags(qs: list[Question], given: dict[str, str | None]) -> dict:
    """The answers from the flags alone; raises FlagProblems listing every
    missing or invalid flag at once."""
    answers: dict = {}
    missing: list[str] = []
    invalid: list[str] = []
    for q in qs:
        if q.when and not q.when(answers):
            continue
        text = given.get(q.key) or q.default
        answers[q.key] = None
        if not text or not clean_line(text):
            if q.needed(answers):
                missing.append(f"{q.flag} hoặc {q.alternative}" if q.alternative else q.flag)
            continue
        try:
            answers[q.key] = q.parse(text, answers)
        except AnswerError as error:
            invalid.append(f"{q.flag}: {error}")
    if missing or invalid:
        raise FlagProblems(missing, invalid)
    return answers


def interview(qs: list[Question], given: dict[str, str | None], ask: Ask, tell: Tell) -> dict:
    """Ask every question that no valid flag answers, one at a time, again
    until the answer is usable."""
    answers: dict = {}
    for q in qs:
        if q.when and not q.when(answers):
            continue
        text = given.get(q.key)
        if text:
            try:
                answers[q.key] = q.parse(text, answers)
                continue
            except AnswerError as error:
                tell(f"{q.flag}: {error}")
        answers[q.key] = _ask_one(q, answers, ask, tell)
    return answers


def _ask_one(q: Question, answers: dict, ask: Ask, tell: Tell):
    if q.choices:
        tell("\n".join(f"{n:>3}. {i} — {label}" for n, (i, label) in enumerate(q.choices, 1)))
    while True:
        text = clean_line(ask(q.prompt, q.default) or q.default or "")
        if not text:
            if not q.needed(answers):
                return None
            tell("Câu này bắt buộc, xin nhập câu trả lời.")
            continue
        try:
            return q.parse(text, answers)
        except AnswerError as error:
            tell(f"Chưa đúng: {error}. Xin nhập lại.")


# --- The event id ----------------------------------------------------------

def derive_id(text: str, year: int) -> str:
    """``Lễ hội Then Kin Pang`` in 2026 -> ``le-hoi-then-kin-pang-2026``."""
    slug = slugify(text, max_length=74, word_boundary=True) or "su-kien"
    return slug if slug.endswith(f"-{year}") or slug == str(year) else f"{slug}-{year}"


def existing_event(content_dir: Path, event_id: str) -> Path | None:
    """The file that already uses this id in any unit (case-insensitive)."""
    for path in sorted(Path(content_dir, "events").glob("*/*.y*ml")):
        if path.suffix in (".yaml", ".yml") and path.stem.lower() == event_id.lower():
            return path
    return None


def check_id(content_dir: Path, event_id: str) -> str:
    if not (3 <= len(event_id) <= 80 and re.fullmatch(ID_PATTERN, event_id)):
        raise AnswerError(f"mã \"{event_id}\" không hợp lệ: cần 3-80 ký tự gồm chữ thường a-z, "
                          "chữ số và dấu gạch nối đơn, ví dụ le-hoi-then-kin-pang-2026")
    taken = existing_event(content_dir, event_id)
    if taken:
        raise IdTaken(f"mã \"{event_id}\" đã được dùng ở {taken.as_posix()}; hãy chọn mã khác")
    return event_id


def free_id(content_dir: Path, text: str, year: int) -> str:
    """The derived id, or the first free ``-2``, ``-3``... variant of it."""
    base = derive_id(text, year)
    candidates = [base] + [f"{base}-{n}" for n in range(2, 100)]
    return next((c for c in candidates if not existing_event(content_dir, c)), base)


def event_year(answers: dict) -> int:
    return int(answers["start"][:4])


def id_from_flags(content_dir: Path, answers: dict, given: str | None, force: bool) -> str:
    """``--id`` as a base like the title (slug and year), or exactly as given
    with ``--force-id``; raises AnswerError if invalid or taken."""
    if force and given:
        return check_id(content_dir, given)
    return check_id(content_dir, derive_id(given or answers["title"], event_year(answers)))


def ask_id(content_dir: Path, answers: dict, ask: Ask, tell: Tell,
           given: str | None = None, force: bool = False) -> str:
    """The id from the flags if usable, else asked with a free derived default."""
    if given:
        try:
            return id_from_flags(content_dir, answers, given, force)
        except AnswerError as error:
            tell(f"--id: {error}")
    default = free_id(content_dir, given or answers["title"], event_year(answers))
    question = Question("id", "Mã sự kiện (tên tệp và địa chỉ trang; không đổi được về sau)",
                        lambda text, _: check_id(content_dir, text), True, default=default)
    return _ask_one(question, answers, ask, tell)


# --- The file --------------------------------------------------------------

def event_document(answers: dict) -> dict:
    """The event as a mapping, keys in the order of the format's spec."""
    doc = {key: answers[key] for key in ("title", "summary", "category", "start")}
    _put(doc, "end", answers.get("end"))
    doc["location"] = {"name": answers["place"]}
    _put(doc["location"], "address", answers.get("address"))
    _put(doc["location"], "area", answers.get("area"))
    doc["contact"] = {"name": answers["contact_name"]}
    _put(doc["contact"], "phone", answers.get("phone") and Quoted(answers["phone"]))
    _put(doc["contact"], "email", answers.get("email"))
    if answers.get("press_invited"):
        doc["press"] = {"invited": True}
    _put(doc, "repeat", answers.get("repeat"))
    english = {"title": answers.get("title_en"), "summary": answers.get("summary_en")}
    _put(doc, "en", {key: value for key, value in english.items() if value})
    return doc


def _put(mapping: dict, key: str, value) -> None:
    if value:
        mapping[key] = value


def event_yaml(answers: dict) -> str:
    """The file's text: the schema line for editors, then the event."""
    return dump_event(event_document(answers))


def event_path(content_dir: Path, unit: str, event_id: str) -> Path:
    return Path(content_dir, "events", unit, f"{event_id}.yaml")


def write_event(content_dir: Path, answers: dict, event_id: str) -> Path:
    """Create the file; never overwrite one (FileExistsError)."""
    path = event_path(content_dir, answers["unit"], event_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(event_yaml(answers))
    return path
