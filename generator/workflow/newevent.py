"""``sukien new``: the questions, how they are asked, the id and the file
they make (the answers' rules are in ``answers``).

Pure functions over plain data; the command supplies the terminal (``ask``
and ``tell``).  Every answer is checked when given, so the written file is
valid as soon as it exists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from slugify import slugify

from ..load.eventfiles import EVENTS, event_id_of, is_event_path
from .answers import (SHORT_LIST, Ambiguous, AnswerError, Parse, clean_line, one_line, parse_deadline, parse_email,
    parse_end, parse_phone, parse_repeat, parse_text, parse_when, parse_yes_no, registry_choice)
from .eventfile import Quoted, dump_event
from ..model import patterns
from ..model.event import DEFAULT_TIMEZONE, When
from ..model.occurrence import Span
from ..site.i18n import deadline_label
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
    choices: tuple[tuple[str, str], ...] = ()  # numbered choices (listed before asking when short)
    when: Callable[[dict], bool] | None = None  # asked only if true
    alternative: str | None = None  # the key of a question that may stand in for this one
    multiline: bool = False  # several lines, ended by an empty one

    @property
    def flag(self) -> str:
        return _flag(self.key)

    def needed(self, answers: dict) -> bool:
        return self.required(answers) if callable(self.required) else self.required


LISTED = 12  # a registry this short is listed before its question; a longer one is searched


def _invited(answers: dict) -> bool:
    return bool(answers.get("press_invited"))


def questions(reg: RegistryChoices) -> list[Question]:
    """The questions of ``sukien new``, in the order they are asked."""
    return [
        Question("unit", "Đơn vị tổ chức (gõ một phần tên, ví dụ \"Tân Uyên\", hoặc mã)",
                 registry_choice(reg.units, "đơn vị", "content/units.yaml"), True, choices=reg.units),
        Question("title", "Tên sự kiện", one_line(150), True),
        Question("summary", "Tóm tắt (một, hai câu)", one_line(300), True),
        Question("description", "Giới thiệu chi tiết (mỗi dòng một đoạn; Enter ở dòng trống là xong)",
                 parse_text, multiline=True),
        Question("category", "Chủ đề (số thứ tự, tên hoặc mã)",
                 registry_choice(reg.categories, "chủ đề", "content/categories.yaml"), True, choices=reg.categories),
        Question("start", "Bắt đầu (ngày, có thể thêm giờ; ví dụ 26/04/2027 hoặc 26/04/2027 07:30)",
                 lambda text, _: parse_when(text), True),
        Question("end", "Kết thúc (ngày giờ, hoặc chỉ giờ nếu cùng ngày; có thể bỏ trống)", parse_end),
        Question("place", "Tên địa điểm", one_line(200), True),
        Question("address", "Địa chỉ (có thể bỏ trống)", one_line(300)),
        Question("area", "Xã, phường (gõ một phần tên hoặc mã; có thể bỏ trống)",
                 registry_choice(reg.areas, "xã, phường", "content/areas.yaml"), choices=reg.areas),
        Question("directions", "Đường đi (tuyến đường, bao xa, chỗ đỗ xe; có thể bỏ trống)", one_line(500)),
        Question("price", "Giá vé (ví dụ: Miễn phí, 50.000 đồng; có thể bỏ trống)", one_line(200)),
        Question("contact_name", "Đầu mối liên hệ (đơn vị hoặc người phát ngôn)", one_line(200), True),
        Question("phone", "Số điện thoại liên hệ", parse_phone),
        Question("email", "Thư điện tử liên hệ (cần nếu không có số điện thoại)", parse_email,
                 required=lambda answers: not answers.get("phone"), alternative="phone"),
        Question("press_invited", "Có mời báo chí không? (có/không)", parse_yes_no, default="không"),
        Question("accreditation_deadline", "Hạn đăng ký tác nghiệp của báo chí (ngày, có thể thêm giờ; "
                 "có thể bỏ trống)", parse_deadline, when=_invited),
        Question("press_contact_name", "Người phát ngôn, liên hệ báo chí (bỏ trống: như đầu mối ở trên)",
                 one_line(200), when=_invited),
        Question("press_phone", "Số điện thoại liên hệ báo chí", parse_phone,
                 when=lambda answers: bool(answers.get("press_contact_name"))),
        Question("press_email", "Thư điện tử liên hệ báo chí (cần nếu không có số điện thoại)", parse_email,
                 required=lambda answers: not answers.get("press_phone"), alternative="press_phone",
                 when=lambda answers: bool(answers.get("press_contact_name"))),
        Question("repeat", "Lặp lại? (không / hằng năm: cùng ngày dương lịch / âm lịch)", parse_repeat,
                 default="không"),
        Question("title_en", "Tên tiếng Anh (có thể bỏ trống)", one_line(150)),
        Question("summary_en", "Tóm tắt tiếng Anh (có thể bỏ trống)", one_line(300),
                 when=lambda answers: bool(answers.get("title_en"))),
        Question("place_en", "Tên địa điểm tiếng Anh (có thể bỏ trống)", one_line(200),
                 when=lambda answers: bool(answers.get("title_en"))),
        Question("directions_en", "Đường đi bằng tiếng Anh (có thể bỏ trống)", one_line(500),
                 when=lambda answers: bool(answers.get("title_en") and answers.get("directions"))),
        Question("price_en", "Giá vé bằng tiếng Anh (có thể bỏ trống)", one_line(200),
                 when=lambda answers: bool(answers.get("title_en") and answers.get("price"))),
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


def interview(qs: list[Question], given: dict[str, str | None], ask: Ask, tell: Tell,
              now: dt.datetime | None = None) -> dict:
    """Ask every question that no valid flag answers, one at a time, again
    until the answer is usable.  A date already past (before ``now``) is
    confirmed; if it is wrong, the dates are asked again."""
    answers: dict = {}
    given = dict(given)  # a flag answers once: dates asked again are typed
    by_key = {q.key: q for q in qs}
    index = 0
    while index < len(qs):
        q = qs[index]
        index += 1
        if _skipped(q, answers, given):
            continue
        value = _flag_answer(q, given.pop(q.key, None), answers, tell)
        answers[q.key] = (_ask_one(q, answers, ask, tell, by_key.get(q.alternative or ""))
                          if value is _UNANSWERED else value)
        if q.key == "end" and now is not None and not _past_confirmed(answers, now, ask, tell):
            index = next(i for i, other in enumerate(qs) if other.key == "start")
    return answers


_UNANSWERED = object()


def _flag_answer(q: Question, text: str | None, answers: dict, tell: Tell):
    """The flag's answer, or _UNANSWERED (no flag, or an invalid one, told)."""
    if text:
        try:
            return q.parse(text, answers)
        except AnswerError as error:
            tell(f"{q.flag}: {error}")
    return _UNANSWERED


def past_message(answers: dict, now: dt.datetime) -> str | None:
    """Why the dates look wrong: the event (not a series) is over before it is filed."""
    if answers.get("repeat") or not answers.get("start"):
        return None
    if not answered_span(answers["start"], answers.get("end")).is_over(now):
        return None
    return (f"Sự kiện này đã kết thúc: {answers['start']}" + (f" – {answers['end']}" if answers.get("end") else "")
            + f" là trước hôm nay ({now:%Y-%m-%d}).")


def answered_span(start: str, end: str | None) -> Span:
    """The dates as ``sukien new`` holds them (``YYYY-MM-DD``, ``YYYY-MM-DD
    HH:MM``, an end ``HH:MM`` on the start's day), in the zone a new file
    gets, judged by the model's rules like any event's."""
    zone = ZoneInfo(DEFAULT_TIMEZONE)

    def when(text: str) -> When:
        if " " in text:
            return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
        return dt.date.fromisoformat(text)

    first = when(start)
    if end and len(end) == 5 and isinstance(first, dt.datetime):  # HH:MM, the same day
        hour, minute = map(int, end.split(":"))
        return Span(first, first.replace(hour=hour, minute=minute), zone)
    return Span(first, when(end) if end else None, zone)


def _past_confirmed(answers: dict, now: dt.datetime, ask: Ask, tell: Tell) -> bool:
    message = past_message(answers, now)
    if message is None:
        return True
    tell(message)
    tell("Chỉ giữ ngày này nếu sự kiện đúng là đã diễn ra, hoặc lặp lại hằng năm (chọn ở câu sau).")
    confirm = Question("past", "Giữ ngày này? (có: giữ / không: nhập lại ngày)", parse_yes_no, True, default="không")
    return bool(_ask_one(confirm, answers, ask, tell))


_WHEN_KEYS = ("start", "end", "accreditation_deadline")


def said_when(value: str) -> str:
    """``2027-03-15 07:30`` as staff read it back: 'Thứ Hai, 15/03/2027, 07:30'
    (a day typed 03/04 is the 3rd of April, and this shows it)."""
    day, _, time = value.partition(" ")
    if len(day) == 5:  # HH:MM, the end on the same day
        return day
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        return value
    return deadline_label(parsed, "vi") + (f", {time}" if time else "")


def _ask_one(q: Question, answers: dict, ask: Ask, tell: Tell, stand_in: Question | None = None):
    """One question, asked until answered.  A listed choice may be given by
    its number: a short registry is listed first, a long one only as the
    few entries an ambiguous answer matches.  An answer to ``stand_in`` (the
    phone number typed at the e-mail prompt) is taken as that answer if it
    is still empty."""
    listed = q.choices if len(q.choices) <= LISTED else ()
    if listed:
        tell(_numbered(listed))
    while True:
        text = _read_lines(q, ask) if q.multiline else clean_line(ask(q.prompt, q.default) or q.default or "")
        if not text:
            if not q.needed(answers):
                return None
            tell(f"Cần {q.prompt.split(' (')[0].lower()} hoặc {stand_in.prompt.lower()} (ít nhất một): "
                 f"nhập {stand_in.prompt.lower()} ngay tại đây cũng được." if stand_in
                 else "Câu này bắt buộc, xin nhập câu trả lời.")
            continue
        typed = text
        if listed and text.isdigit():
            if not 1 <= int(text) <= len(listed):
                tell(f"Chưa đúng: không có số {text} trong danh sách (từ 1 đến {len(listed)}). Xin nhập lại.")
                continue
            text = listed[int(text) - 1][0]
        try:
            value = q.parse(text, answers)
            label = dict(q.choices).get(str(value)) if q.choices else None
            if label and value != typed:
                tell(f"  → {value} — {label}")  # what a part of a name or a number stood for
            elif q.key in _WHEN_KEYS and value:
                tell(f"  → {said_when(str(value))}")  # 03/04: the 3rd of April, said in words
            return value
        except Ambiguous as error:
            listed = error.matches[:SHORT_LIST]
            more = len(error.matches) - len(listed)
            tell(f"\"{text}\" khớp với {len(error.matches)} mục; chọn số thứ tự, hoặc gõ rõ hơn:\n"
                 + _numbered(listed) + (f"\n     ... và {more} mục khác" if more else ""))
        except AnswerError as error:
            if stand_in and not answers.get(stand_in.key):
                try:
                    answers[stand_in.key] = stand_in.parse(text, answers)
                    tell(f"Đã ghi \"{text}\" là {stand_in.prompt.lower()}.")
                    return None
                except AnswerError:
                    pass
            tell(f"Chưa đúng: {error}. Xin nhập lại.")


def _numbered(entries) -> str:
    return "\n".join(f"{n:>3}. {i} — {label}" for n, (i, label) in enumerate(entries, 1))


def _read_lines(q: Question, ask: Ask) -> str:
    """Lines typed one by one up to an empty one; each is a paragraph."""
    lines = [clean_line(ask(q.prompt, None) or "")]
    while lines[-1]:
        lines.append(clean_line(ask("  (dòng tiếp theo, hoặc Enter để kết thúc)", None) or ""))
    return "\n\n".join(line for line in lines if line)


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
    _put(doc["location"], "directions", answers.get("directions"))
    _put(doc, "description", answers.get("description"))
    _put(doc, "price", answers.get("price"))
    doc["contact"] = _contact(answers, "")
    press: dict = {"invited": bool(answers.get("press_invited"))}
    _put(press, "accreditation_deadline", answers.get("accreditation_deadline"))
    if answers.get("press_contact_name"):
        press["contact"] = _contact(answers, "press_")
    if len(press) > 1 or press["invited"]:
        doc["press"] = press
    _put(doc, "repeat", answers.get("repeat"))
    english = {"title": answers.get("title_en"), "summary": answers.get("summary_en"),
               "location_name": answers.get("place_en"), "directions": answers.get("directions_en"),
               "price": answers.get("price_en")}
    _put(doc, "en", {key: value for key, value in english.items() if value})
    return doc


def _contact(answers: dict, prefix: str) -> dict:
    contact = {"name": answers[f"{prefix}contact_name"]}
    _put(contact, "phone", answers.get(f"{prefix}phone") and Quoted(answers[f"{prefix}phone"]))
    _put(contact, "email", answers.get(f"{prefix}email"))
    return contact


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
