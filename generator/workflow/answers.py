"""Answers as unit staff type them (in ``sukien new`` or on the issue form),
checked and turned into the event format's values.

Every function takes the typed text and returns the value to write, or
raises ``AnswerError`` with a Vietnamese message that quotes the answer.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable

from slugify import slugify

from ..model.event import DEFAULT_TIMEZONE
from ..rules.dates import iso_form, window
from ..model import patterns

Parse = Callable[[str, dict], object]  # text and earlier answers -> value; raises AnswerError


class AnswerError(ValueError):
    """An answer that cannot be used; the message is for the user
    (Vietnamese), ``en`` its English where a command line in English may
    show it."""

    def __init__(self, message: str, en: str | None = None):
        super().__init__(message)
        self.en = en or message


def clean_line(text: str) -> str:
    """One line of plain text: NFC, whitespace runs collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def one_line(limit: int) -> Parse:
    def parse(text: str, _answers: dict) -> str:
        value = clean_line(text)
        if patterns.CONTROL.search(value):
            raise AnswerError("có ký tự điều khiển hoặc ký tự không in được")
        if len(value) > limit:
            raise AnswerError(f"dài {len(value)} ký tự, tối đa {limit} ký tự")
        return value
    return parse


Entries = tuple[tuple[str, str], ...]  # (id, label) of a registry's entries

SHORT_LIST = 10  # at most this many matches are listed


class Ambiguous(AnswerError):
    """An answer that names several entries; ``matches`` lists them."""

    def __init__(self, message: str, matches: Entries, en: str | None = None):
        super().__init__(message, en)
        self.matches = matches


def registry_choice(entries: Entries, what: str, file: str) -> Parse:
    """An entry of a registry, by id, by name or by any unambiguous part of
    its name (see ``registry_matches``).  Without a registry any id-form
    value is taken (the validator will judge it).  Numbers in a listing are
    the interview's business (``_ask_one``)."""
    def parse(text: str, _answers: dict) -> str:
        return pick_entry(text, entries, what, file)
    return parse


def pick_entry(text: str, entries: Entries, what: str, file: str, what_en: str = "entries") -> str:
    """The id of the one entry ``text`` names; raises ``Ambiguous`` with the
    short list when it names several, AnswerError with the nearest when none."""
    value = clean_line(text)
    matches = registry_matches(value, entries)
    if len(matches) == 1:
        return matches[0][0]
    if matches:
        shown = "; ".join(f"{i} ({_name(label)})" for i, label in matches[:SHORT_LIST])
        more = f" và {len(matches) - SHORT_LIST} mục khác" if len(matches) > SHORT_LIST else ""
        more_en = f" and {len(matches) - SHORT_LIST} more" if len(matches) > SHORT_LIST else ""
        raise Ambiguous(f"\"{value}\" khớp với {len(matches)} {what}: {shown}{more}; "
                        "hãy ghi rõ hơn (thêm chữ trong tên) hoặc ghi mã", matches,
                        f"\"{value}\" matches {len(matches)} {what_en}: {shown}{more_en}; "
                        "write more of the name, or the id")
    if not entries and patterns.is_id(value):
        return value
    guess = closest_entry(value, entries)
    hint = f"; có phải ý bạn là \"{guess[0]}\" ({_name(guess[1])})?" if guess else ""
    hint_en = f"; did you mean \"{guess[0]}\" ({_name(guess[1])})?" if guess else ""
    raise AnswerError(f"không có {what} \"{value}\" trong {file}{hint}",
                      f"there is no {what_en[:-1] if what_en.endswith('s') else what_en} \"{value}\" in {file}{hint_en}")


def _name(label: str) -> str:
    return label.split(" (")[0]


def registry_matches(text: str, entries: Entries) -> Entries:
    """The entries ``text`` names: the one it names exactly (``registry_id``),
    else those whose id or name contains it as whole words, accents and case
    aside ("tan uyen" names "Ủy ban nhân dân xã Tân Uyên", not "Than Uyên").
    Among several, those with the accents as typed are preferred."""
    exact = registry_id(text, entries)
    if exact:
        return tuple(e for e in entries if e[0] == exact)
    wanted = _loose(text)
    if wanted == "--":
        return ()
    found = tuple(e for e in entries if wanted in _words(e[0]) or wanted in _loose(_name(e[1])))
    if len(found) > 1:
        typed = _words(clean_line(text).lower(), " ")
        accented = tuple(e for e in found if typed in _words(_name(e[1]).lower(), " "))
        if accented:
            return accented
    return found


_KIND_WORDS = {"xa", "phuong", "thi-tran"}


def _loose(name: str) -> str:
    """A name's words without accents, case, ``Xã``/``Phường``/``Thị trấn``,
    with ``UBND`` for ``Ủy ban nhân dân``; fenced by hyphens."""
    slug = slugify(clean_line(name)).replace("thi-tran", "thi_tran").replace("uy-ban-nhan-dan", "ubnd")
    words = [w.replace("_", "-") for w in slug.split("-")]
    return "-" + "-".join(w for w in words if w and w not in _KIND_WORDS) + "-"


def _words(text: str, sep: str = "-") -> str:
    """``text`` fenced by separators, so that containment means whole words."""
    words = unicodedata.normalize("NFC", text).replace(",", " ").split(sep if sep == "-" else None)
    return sep + sep.join(w for w in words if w) + sep


def registry_id(text: str, entries: tuple[tuple[str, str], ...]) -> str | None:
    """The id of the one entry that ``text`` names: its id, its name as
    listed, or a dropdown's ``Name (id)``.  Accents, case, a leading ``Xã``/
    ``Phường``/``Thị trấn`` and ``UBND`` for ``Ủy ban nhân dân`` do not matter."""
    value = clean_line(text)
    ids = {entry_id for entry_id, _ in entries}
    paren = re.search(r"\(([a-z0-9-]+)\)$", value)
    if value in ids:
        return value
    if paren and paren.group(1) in ids:
        return paren.group(1)
    wanted = _name_key(value)
    found = {entry_id for entry_id, label in entries if wanted in _entry_keys(entry_id, label)}
    return found.pop() if len(found) == 1 else None


def closest_entry(text: str, entries: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The ``(id, label)`` whose id or name is nearest to ``text``, if any is near."""
    keys: dict[str, tuple[str, str]] = {}
    for entry in entries:
        for key in _entry_keys(*entry):
            keys.setdefault(key, entry)
    guess = difflib.get_close_matches(_name_key(text), list(keys), n=1)
    return keys[guess[0]] if guess else None


def _entry_keys(entry_id: str, label: str) -> set[str]:
    return {_name_key(name) for name in (entry_id, label, label.split(" (")[0])}


def _name_key(name: str) -> str:
    slug = slugify(name).replace("uy-ban-nhan-dan", "ubnd")
    for prefix in ("xa-", "phuong-", "thi-tran-"):
        if slug.startswith(prefix):
            return slug[len(prefix):]
    return slug


class NotADate(AnswerError):
    """An answer that is not recognisable as a date or a date-time at all."""


_WEEKDAY = re.compile(r"\b(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật)\b", re.IGNORECASE)
_FILLER = re.compile(r"\b(?:ngày|vào|lúc)\b|,", re.IGNORECASE)
_PART_OF_DAY = re.compile(r"\b(sáng|chiều|tối)\b", re.IGNORECASE)
_OFFSET = re.compile(r"(?<=:[0-9]{2})\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)$", re.IGNORECASE)
_SECONDS = re.compile(r"([0-9]{1,2}:[0-9]{2}):([0-9]{2})(?![0-9:])")
_LOCAL_OFFSETS = ("+07", "+0700", "+07:00")  # Vietnam; new files carry no timezone key
_EXPECTED = "cần dạng YYYY-MM-DD (cả ngày) hoặc YYYY-MM-DD HH:MM, ví dụ 2026-04-26 hoặc 2026-04-26 07:30"


def parse_when(text: str) -> str:
    """A date or date-time as ISO text (``2026-04-26``, ``2026-04-26 07:30``).

    Takes what unit staff write: ISO (with ``T``, seconds, ``+07:00``),
    ``26/4/2026``, ``ngày 26 tháng 4 năm 2026``, a time ``7h30``, ``7 giờ
    30``, ``19:30:00`` before or after the date, with ``ngày``, ``lúc``, a
    weekday, ``sáng``/``chiều``/``tối``.  The date itself is read by the
    validator's ``iso_form``, so both agree on what a date is.
    """
    value = clean_line(text)
    if len(value) > 60:  # no date is written that long; keeps the search below cheap
        raise NotADate(f"\"{value[:60]}…\" không phải là ngày hoặc ngày giờ hợp lệ; {_EXPECTED}")
    rest, offset = _cut(_OFFSET, value)
    if offset and offset.upper() not in _LOCAL_OFFSETS:
        raise AnswerError(f"\"{value}\": độ lệch {offset} khác giờ Việt Nam (+07:00); "
                          "hãy ghi giờ Việt Nam và bỏ phần độ lệch, ví dụ 2026-04-26 07:30")
    seconds = _SECONDS.search(rest)
    rest = _SECONDS.sub(r"\1", rest)
    part = _PART_OF_DAY.search(rest)
    words = _PART_OF_DAY.sub(" ", _FILLER.sub(" ", _WEEKDAY.sub(" ", rest))).split()
    # The time may come first ("7h30 26/4/2026"): try each rotation of the words.
    iso = next(filter(None, (iso_form(" ".join(words[i:] + words[:i])) for i in range(len(words)))), None)
    if not iso:
        raise NotADate(f"\"{value}\" không phải là ngày hoặc ngày giờ hợp lệ; {_EXPECTED}")
    return _checked(value, iso, seconds.group(2) if seconds else "00",
                    part is not None and part.group(1).lower() != "sáng")


def _cut(pattern: re.Pattern, text: str) -> tuple[str, str | None]:
    match = pattern.search(text)
    return (text[:match.start()], match.group(1)) if match else (text, None)


def _checked(value: str, iso: str, seconds: str, afternoon: bool) -> str:
    """The ISO text once the date exists and the time is a real time of day."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        raise AnswerError(f"\"{value}\": ngày {iso[:10]} không tồn tại; {_EXPECTED}") from None
    low, high = window(DEFAULT_TIMEZONE)
    if not low <= day.year <= high:
        raise AnswerError(f"\"{value}\": năm {day.year} quá xa hiện tại; chỉ nhận các năm từ {low} đến {high}")
    if len(iso) == 10:
        return iso
    hour, minute = int(iso[11:13]), int(iso[14:16])
    hour += 12 if afternoon and hour < 12 else 0
    if hour > 23 or minute > 59 or int(seconds) > 59:
        raise AnswerError(f"\"{value}\": giờ {iso[11:]} không hợp lệ (giờ từ 00 đến 23, "
                          f"phút từ 00 đến 59); {_EXPECTED}")
    return f"{iso[:10]} {hour:02d}:{minute:02d}" + (f":{seconds}" if seconds != "00" else "")


def parse_end(text: str, answers: dict) -> str | None:
    """Same kind as ``start`` and not before it; with a timed start a bare
    time (``17:00``, ``17h``) means the same day."""
    start = answers.get("start")
    if not start:
        raise AnswerError("cần ngày bắt đầu hợp lệ trước")
    value = clean_line(text)
    timed = " " in start
    try:
        end = parse_when(value)
    except NotADate:
        try:  # a time of day alone: the start's day
            end = parse_when(f"{start[:10]} {value}")
        except NotADate:
            expected = ("HH:MM nếu cùng ngày bắt đầu, hoặc YYYY-MM-DD HH:MM, ví dụ 17:00 hoặc 2026-04-27 17:00"
                        if timed else "YYYY-MM-DD (ngày cuối, tính cả ngày đó), ví dụ 2026-04-27")
            raise NotADate(f"\"{value}\" không phải là ngày hay giờ hợp lệ; cần dạng {expected}") from None
    if timed and " " not in end:
        raise AnswerError(f"bắt đầu có giờ ({start}) nên kết thúc cũng cần giờ, ví dụ {end} 17:00")
    if not timed and " " in end:
        raise AnswerError(f"bắt đầu chỉ có ngày ({start}, cả ngày) nên kết thúc cũng chỉ ghi ngày; nếu sự kiện "
                          f"có giờ, hãy ghi cả giờ bắt đầu, ví dụ {start} 07:30")
    if end < start:
        raise AnswerError(f"kết thúc ({end}) trước bắt đầu ({start})")
    return end


def parse_deadline(text: str, answers: dict) -> str:
    """The press accreditation deadline: a date or date-time, not after the start."""
    value = parse_when(text)
    start = answers.get("start")
    if start and value[:len(start)] > start:
        raise AnswerError(f"hạn đăng ký ({value}) sau thời điểm sự kiện bắt đầu ({start}); "
                          "hạn phải trước hoặc đúng lúc bắt đầu")
    return value


def parse_text(text: str, _answers: dict) -> str:
    """A text of several lines (Markdown): each line's trailing spaces
    and the empty lines around it removed, NFC, ending with a newline."""
    value = "\n".join(line.rstrip() for line in unicodedata.normalize("NFC", text).splitlines()).strip()
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value):
        raise AnswerError("có ký tự điều khiển không in được")
    if len(value) > 20_000:
        raise AnswerError(f"dài {len(value)} ký tự, tối đa 20.000 ký tự")
    return value + "\n"


def parse_phone(text: str, _answers: dict) -> str:
    value = clean_line(text)
    if not patterns.is_phone(value):
        raise AnswerError(f"\"{value}\" không phải là số điện thoại; chỉ dùng chữ số, dấu cách, "
                          "chấm, gạch nối, ngoặc và dấu + ở đầu")
    return value


def parse_email(text: str, _answers: dict) -> str:
    value = clean_line(text)
    if not patterns.is_email(value):
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
    """``yearly`` or ``lunar-yearly``, also as staff say it (``hằng năm``,
    ``hàng năm``, ``âm lịch``, ``hằng năm theo âm lịch``, the form's labels)."""
    value = clean_line(text).lower()
    slug = slugify(value)
    if value in _NO or slug in ("khong", "khong-lap-lai"):
        return None
    if slug in ("lunar-yearly", "lunar") or "-am-lich-" in f"-{slug}-":
        return "lunar-yearly"
    if slug == "yearly" or slug.startswith("hang-nam") or "-duong-lich-" in f"-{slug}-":
        return "yearly"
    raise AnswerError(f"\"{value}\": chọn \"không\", \"hằng năm\" (cùng ngày dương lịch, yearly) "
                      "hoặc \"âm lịch\" (hằng năm theo âm lịch, lunar-yearly)")
