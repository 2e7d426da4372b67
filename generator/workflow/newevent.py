"""``sukien new``: the questions, how they are asked, the id and the file
they make (the answers' rules are in ``answers``).

Pure functions over plain data; the command supplies the terminal (``ask``
and ``tell``).  Every answer is checked when given, so the written file is
valid as soon as it exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from ..load.eventfiles import EVENTS, event_id_of, is_event_path
from .answers import (AnswerError, Parse, clean_line, one_line, parse_email, parse_end, parse_phone,
    parse_repeat, parse_when, parse_yes_no, registry_choice)
from .eventfile import Quoted, dump_event
from ..model import patterns
from .schema import RegistryChoices


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
    alternative: str | None = None  # the key of a question that may stand in for this one

    @property
    def flag(self) -> str:
        return _flag(self.key)

    def needed(self, answers: dict) -> bool:
        return self.required(answers) if callable(self.required) else self.required


def questions(reg: RegistryChoices) -> list[Question]:
    """The questions of ``sukien new``, in the order they are asked."""
    return [
        Question("unit", "Đơn vị tổ chức (số thứ tự, tên hoặc mã)",
                 registry_choice(reg.units, "đơn vị", "content/units.yaml"), True, choices=reg.units),
        Question("title", "Tên sự kiện", one_line(150), True),
        Question("summary", "Tóm tắt (một, hai câu)", one_line(300), True),
        Question("category", "Chủ đề (số thứ tự, tên hoặc mã)",
                 registry_choice(reg.categories, "chủ đề", "content/categories.yaml"), True, choices=reg.categories),
        Question("start", "Bắt đầu: ngày YYYY-MM-DD (cả ngày) hoặc ngày giờ YYYY-MM-DD HH:MM",
                 lambda text, _: parse_when(text), True),
        Question("end", "Kết thúc (cùng kiểu với bắt đầu, hoặc HH:MM nếu cùng ngày; "
                 "bỏ trống nếu không có)", parse_end),
        Question("place", "Tên địa điểm", one_line(200), True),
        Question("address", "Địa chỉ (có thể bỏ trống)", one_line(300)),
        Question("area", "Xã, phường (số thứ tự, tên hoặc mã; có thể bỏ trống)",
                 registry_choice(reg.areas, "xã, phường", "content/areas.yaml"), choices=reg.areas),
        Question("contact_name", "Đầu mối liên hệ (đơn vị hoặc người phát ngôn)", one_line(200), True),
        Question("phone", "Số điện thoại liên hệ", parse_phone),
        Question("email", "Thư điện tử liên hệ (cần nếu không có số điện thoại)", parse_email,
                 required=lambda answers: not answers.get("phone"), alternative="phone"),
        Question("press_invited", "Có mời báo chí không? (có/không)", parse_yes_no, default="không"),
        Question("repeat", "Lặp lại hằng năm? (không / hằng năm: cùng ngày dương lịch / "
                 "âm lịch: cùng ngày âm lịch)", parse_repeat, default="không"),
        Question("title_en", "Tên tiếng Anh (có thể bỏ trống)", one_line(150)),
        Question("summary_en", "Tóm tắt tiếng Anh (có thể bỏ trống)", one_line(300),
                 when=lambda answers: bool(answers.get("title_en"))),
    ]


def _skipped(q: Question, answers: dict, given: dict[str, str | None]) -> bool:
    """A conditional question is left out unless it was answered anyway
    (an English summary alone is valid and is kept)."""
    return bool(q.when and not q.when(answers) and not given.get(q.key))


# --- Asking ----------------------------------------------------------------

Ask = Callable[[str, str | None], str]  # prompt, default -> the typed text
Tell = Callable[[str], None]


class FlagProblems(Exception):
    """Flags missing or invalid when nobody can be asked (a usage error)."""

    def __init__(self, missing: list[str], invalid: list[str]):
        self.missing, self.invalid = missing, invalid
        lines = [f"thiếu tuỳ chọn bắt buộc: {', '.join(missing)}"] if missing else []
        super().__init__("\n".join(lines + invalid))


def answer_all(qs: list[Question], given: dict[str, str | None]
               ) -> tuple[dict, list[Question], list[tuple[Question, AnswerError]]]:
    """The answers from ``given`` alone (flags or a form), with the required
    questions left unanswered and the invalid answers.  A question whose
    alternative was given but is invalid is not missing: the alternative's
    own problem says what to fix."""
    answers: dict = {}
    missing: list[Question] = []
    invalid: list[tuple[Question, AnswerError]] = []
    for q in qs:
        if _skipped(q, answers, given):
            continue
        text = given.get(q.key) or q.default
        answers[q.key] = None
        if not text or not clean_line(text):
            if q.needed(answers) and q.alternative not in {bad.key for bad, _ in invalid}:
                missing.append(q)
            continue
        try:
            answers[q.key] = q.parse(text, answers)
        except AnswerError as error:
            invalid.append((q, error))
    return answers, missing, invalid


def from_flags(qs: list[Question], given: dict[str, str | None]) -> dict:
    """The answers from the flags alone; raises FlagProblems listing every
    missing or invalid flag at once."""
    answers, missing, invalid = answer_all(qs, given)
    if missing or invalid:
        raise FlagProblems([f"{q.flag} hoặc {_flag(q.alternative)}" if q.alternative else q.flag
                            for q in missing], [f"{q.flag}: {error}" for q, error in invalid])
    return answers


def _flag(key: str) -> str:
    return "--" + key.replace("_", "-")


def interview(qs: list[Question], given: dict[str, str | None], ask: Ask, tell: Tell) -> dict:
    """Ask every question that no valid flag answers, one at a time, again
    until the answer is usable."""
    answers: dict = {}
    by_key = {q.key: q for q in qs}
    for q in qs:
        if _skipped(q, answers, given):
            continue
        text = given.get(q.key)
        if text:
            try:
                answers[q.key] = q.parse(text, answers)
                continue
            except AnswerError as error:
                tell(f"{q.flag}: {error}")
        answers[q.key] = _ask_one(q, answers, ask, tell, by_key.get(q.alternative or ""))
    return answers


def _ask_one(q: Question, answers: dict, ask: Ask, tell: Tell, stand_in: Question | None = None):
    """One question, asked until answered.  A listed choice may be given by
    its number.  An answer to ``stand_in`` (the phone number typed at the
    e-mail prompt) is taken as that answer if it is still empty."""
    if q.choices:
        tell("\n".join(f"{n:>3}. {i} — {label}" for n, (i, label) in enumerate(q.choices, 1)))
    while True:
        text = clean_line(ask(q.prompt, q.default) or q.default or "")
        if not text:
            if not q.needed(answers):
                return None
            tell(f"Cần {q.prompt.split(' (')[0].lower()} hoặc {stand_in.prompt.lower()} (ít nhất một): "
                 f"nhập {stand_in.prompt.lower()} ngay tại đây cũng được." if stand_in
                 else "Câu này bắt buộc, xin nhập câu trả lời.")
            continue
        if q.choices and text.isdigit():
            if not 1 <= int(text) <= len(q.choices):
                tell(f"Chưa đúng: không có số {text} trong danh sách (từ 1 đến {len(q.choices)}). Xin nhập lại.")
                continue
            text = q.choices[int(text) - 1][0]
        try:
            return q.parse(text, answers)
        except AnswerError as error:
            if stand_in and not answers.get(stand_in.key):
                try:
                    answers[stand_in.key] = stand_in.parse(text, answers)
                    tell(f"Đã ghi \"{text}\" là {stand_in.prompt.lower()}.")
                    return None
                except AnswerError:
                    pass
            tell(f"Chưa đúng: {error}. Xin nhập lại.")


# --- The event id ----------------------------------------------------------

def derive_id(text: str, year: int | None) -> str:
    """``Lễ hội Then Kin Pang`` in 2026 -> ``le-hoi-then-kin-pang-2026``;
    without a year (a repeating event) ``le-hoi-then-kin-pang``."""
    slug = slugify(text, max_length=74, word_boundary=True) or "su-kien"
    if year is None:
        return slug if len(slug) >= 3 else f"su-kien-{slug}"  # an id has 3 characters or more
    if slug.endswith(f"-{year}") or slug == str(year):
        return slug
    return f"{slug}-{year}"


def existing_event(content_dir: Path, event_id: str) -> Path | None:
    """The file that already uses this id in any unit (case-insensitive)."""
    root = Path(content_dir)
    for path in sorted(Path(root, EVENTS).rglob("*")):
        if (is_event_path(path.relative_to(root).as_posix()) and path.is_file()
                and event_id_of(path.name).lower() == event_id.lower()):
            return path
    return None


def check_id(content_dir: Path, event_id: str) -> str:
    if not patterns.is_event_id(event_id):
        raise AnswerError(f"mã \"{event_id}\" không hợp lệ: cần 3-80 ký tự gồm chữ thường a-z, "
                          "chữ số và dấu gạch nối đơn, ví dụ le-hoi-then-kin-pang-2026")
    taken = existing_event(content_dir, event_id)
    if taken:
        raise IdTaken(f"mã \"{event_id}\" đã được dùng ở {taken.as_posix()}; hãy chọn mã khác")
    return event_id


def free_id(content_dir: Path, text: str, year: int | None) -> str:
    """The derived id, or the first free ``-2``, ``-3``... variant of it."""
    base = derive_id(text, year)
    candidates = [base] + [f"{base}-{n}" for n in range(2, 100)]
    return next((c for c in candidates if not existing_event(content_dir, c)), base)


def event_year(answers: dict) -> int | None:
    """The year that ends a derived id; none for a repeating event, whose
    one file stands for every year."""
    return None if answers.get("repeat") else int(answers["start"][:4])


def id_from_flags(content_dir: Path, answers: dict, given: str | None, force: bool) -> str:
    """``--id`` as a base like the title (slug and year, unless repeating), or exactly as given
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
    return Path(content_dir, EVENTS, unit, f"{event_id}.yaml")


def write_event(content_dir: Path, answers: dict, event_id: str) -> Path:
    """Create the file; never overwrite one (FileExistsError)."""
    path = event_path(content_dir, answers["unit"], event_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(event_yaml(answers))
    return path
