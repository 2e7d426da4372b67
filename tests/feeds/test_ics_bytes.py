"""The byte and header checks of the feeds checklist, on every calendar the
test tree gives (none of the parsers checks these)."""

import datetime as dt
import random
import re
import unicodedata

import pytest
from feedsupport import HOST, built, calendars, config
from icalendar import Calendar, vText

from generator.feeds import common
from generator.feeds.ics import PRODID, REFRESH, _calendar, fold

FILES = calendars(built())
PATHS = sorted(FILES)


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def content_lines(data: bytes) -> list[str]:
    return re.sub(r"\r\n[ \t]", "", data.decode("utf-8")).split("\r\n")[:-1]


def names(data: bytes) -> list[str]:
    return [re.split(r"[;:]", line, maxsplit=1)[0] for line in content_lines(data)]


def calendar_names(data: bytes) -> list[str]:
    """Property names of the VCALENDAR itself, outside every component."""
    depth, found = 0, []
    for name, line in zip(names(data), content_lines(data), strict=True):
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth -= 1
        elif depth == 1:
            found.append(line)
    return found


def test_every_calendar_of_the_site_is_built():
    expected = {"feeds/events.ics", "feeds/category/le-hoi.ics", "feeds/area/khong-lao.ics",
                "feeds/unit/so-vhttdl.ics", "feeds/unit/ubnd-xa-vang.ics",
                "su-kien/le-hoi-then-kin-pang.ics", "su-kien/hoi-cho-da-qua.ics"}
    assert expected <= set(PATHS)
    assert len([p for p in PATHS if p.startswith("su-kien/")]) == 8


@pytest.mark.parametrize("path", PATHS)
def test_crlf_utf8_no_bom(path):
    data = FILES[path]
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")
    data.decode("utf-8")


@pytest.mark.parametrize("path", PATHS)
def test_lines_are_short_whole_and_never_end_in_an_escape(path):
    for line in physical_lines(FILES[path]):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold inside a character would fail here
        trailing = len(line) - len(line.rstrip(b"\\"))
        assert trailing % 2 == 0, line


@pytest.mark.parametrize("path", PATHS)
def test_text_is_nfc(path):
    text = FILES[path].decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("path", PATHS)
def test_calendar_headers_once_each(path):
    header = [re.split(r"[;:]", line, maxsplit=1)[0] for line in calendar_names(FILES[path])]
    for name in ("VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                 "DESCRIPTION", "X-WR-CALDESC", "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
                 "X-WR-TIMEZONE", "UID"):
        assert header.count(name) == 1, name
    lines = calendar_names(FILES[path])
    assert "VERSION:2.0" in lines
    assert "CALSCALE:GREGORIAN" in lines
    assert "METHOD:PUBLISH" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H" in lines
    assert "X-PUBLISHED-TTL:PT6H" in lines
    assert "X-WR-TIMEZONE:Asia/Ho_Chi_Minh" in lines
    assert not {"ORGANIZER", "ATTENDEE"} & set(names(FILES[path]))


@pytest.mark.parametrize("path", PATHS)
def test_time_zones_and_dates(path):
    cal = Calendar.from_ical(FILES[path])
    assert not cal.get_missing_tzids()
    assert "Asia/Ho_Chi_Minh" in {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    for event in cal.walk("VEVENT"):
        start = event["DTSTART"]
        if start.params.get("VALUE") == "DATE":
            assert event["DTEND"].params.get("VALUE") == "DATE"
            assert event.decoded("DTEND") > event.decoded("DTSTART")
        else:
            assert start.params.get("TZID") or start.to_ical().endswith(b"Z")  # never floating
            if "DTEND" in event:
                assert event["DTEND"].params.get("TZID") == start.params.get("TZID")
                assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert "DURATION" not in event
        for name in ("DTSTAMP", "CREATED", "LAST-MODIFIED"):
            assert event[name].to_ical().endswith(b"Z"), name


@pytest.mark.parametrize("path", PATHS)
def test_identity_and_content_fields(path):
    cal = Calendar.from_ical(FILES[path])
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    for event in cal.walk("VEVENT"):
        assert str(event["UID"]).endswith(f"@{HOST}")
        assert str(event["URL"]).startswith(f"https://{HOST}/su-kien/")
        assert str(event["URL"]) in str(event["DESCRIPTION"])  # Google ignores URL
        assert event["SEQUENCE"] >= 0
        assert event.get("CATEGORIES")
    for line in content_lines(FILES[path]):
        if line.startswith("GEO:"):
            lat, lon = map(float, line[4:].split(";"))
            assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_text_escaping_round_trips():
    cal = Calendar.from_ical(FILES["su-kien/dem-van-nghe-doc-hai.ics"])
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["LOCATION"]) == ("Sân khấu ngoài trời, bản Nà Ít, Số 1, đường Trung tâm; "
                                      "xã Khổng Lào, tỉnh Lai Châu")
    assert str(event["SUMMARY"]) == 'Đêm văn nghệ "Sắc màu Khổng Lào" \\ đường dẫn C:\\thu-muc\\ & 5 > 3'


@pytest.mark.parametrize("line", [
    "SUMMARY:" + "a" * 66 + "\\\\" + "b" * 20,   # an escaped backslash on the fold
    "DESCRIPTION:" + "x" * 62 + "\\n" + "y" * 40,  # an escape sequence on the fold
    "LOCATION:" + "Lễ hội " * 30,                   # multi-byte letters and spaces
    "X:" + "\\" * 200,
])
def test_folding_keeps_escapes_and_characters_whole(line):
    folded = fold(line)
    lines = physical_lines(folded)
    assert all(len(part) <= 75 for part in lines)
    assert all((len(p) - len(p.rstrip(b"\\"))) % 2 == 0 for p in lines)
    assert all(not p[1:2].isspace() for p in lines[1:])
    assert re.sub(r"\r\n ", "", folded.decode("utf-8")) == line + "\r\n"


def reference_fold(line: str) -> str:
    """The folding rules, one character at a time (the implementation the
    byte-wise :func:`fold` replaced): a piece takes characters while its
    UTF-8 octets fit in 75 (74 after the folding space); where one does not
    fit, the fold goes back up to 7 characters to avoid ending on an odd run
    of backslashes or starting before white space."""
    pieces, current, size, limit = [], "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            for keep in range(len(current), max(len(current) - 8, 1), -1):
                if not odd_backslashes(current[:keep]) and (current[keep:] + char)[0] not in " \t":
                    break
            else:
                keep = len(current) - (1 if odd_backslashes(current) else 0)
            pieces.append(current[:keep])
            current = current[keep:]
            size, limit = len(current.encode("utf-8")), 74
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces) + "\r\n"


def odd_backslashes(piece: str) -> bool:
    return (len(piece) - len(piece.rstrip("\\"))) % 2 == 1


ALPHABETS = ["ab", "a\\", "\\ ", " \t\\x", "aễ\\ ", "ễ𝄞\\ \t", "Lễ hội Then Kin Pang, ", "\\\\n;, ",
             "x" * 10 + "\\", "日本語\\ "]


def random_lines(seed: int, count: int) -> list[str]:
    """Lines over small alphabets of backslashes, blanks and 1-4 octet
    characters, at lengths around the fold points."""
    chosen = random.Random(seed)
    lines = []
    for _ in range(count):
        alphabet = chosen.choice(ALPHABETS)
        length = chosen.choice([chosen.randint(0, 90), chosen.randint(60, 160), chosen.randint(0, 700)])
        lines.append("X:" + "".join(chosen.choice(alphabet) for _ in range(length)))
    return lines


ADVERSARIAL = [
    "X:" + "\\" * n for n in range(60, 240, 7)
] + [
    "X:" + "a" * k + "\\" * n + " " * m + "b" * 80
    for k in range(60, 78) for n in range(0, 10) for m in (0, 1, 9)
] + [
    "X:" + "a" * k + "ễ" * n + " \t" * 5 + "𝄞" * 30 for k in range(60, 76) for n in range(0, 4)
] + [
    "SUMMARY:" + "a" * 66 + "\\\\" + "b" * 20,
    "DESCRIPTION:" + "x" * 62 + "\\n" + "y" * 40,
    "LOCATION:" + "Lễ hội " * 30,
    "X:" + " " * 300,
    "X:" + "\t\\" * 150,
    "X:" + "a" * 73,
    "X:" + "a" * 74,
    "X:" + "ễ" * 25,
]


@pytest.mark.parametrize("seed", range(8))
def test_folding_matches_the_character_rules_on_random_lines(seed):
    for line in random_lines(seed, 2500):
        assert fold(line) == reference_fold(line).encode("utf-8"), line


def test_folding_matches_the_character_rules_on_adversarial_lines():
    for line in ADVERSARIAL:
        assert fold(line) == reference_fold(line).encode("utf-8"), line


def icalendar_header(path: str, name: str, about: str, zone: str) -> bytes:
    """A VCALENDAR's own lines as icalendar's Calendar writes them (how they
    were made before the header came from a template), folded by ours."""
    site = config()
    root = common.site_root(site)
    cal = Calendar()
    for key, value in [("version", "2.0"), ("prodid", PRODID), ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                       ("uid", f"{path}@{site.host}"), ("name", vText(common.text(name))),
                       ("x-wr-calname", vText(common.text(name))), ("description", vText(common.text(about))),
                       ("x-wr-caldesc", vText(common.text(about))), ("x-wr-timezone", zone), ("url", root)]:
        cal.add(key, value)
    cal.add("source", root + path, parameters={"VALUE": "URI"})
    cal.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    lines = [fold(unicodedata.normalize("NFC", str(line))) for line in cal.content_lines() if line]
    return b"".join(lines[:-1])  # without END:VCALENDAR


@pytest.mark.parametrize(("path", "name", "about"), [
    ("feeds/events.ics", "Lịch sự kiện Lai Châu", "Mọi sự kiện; lễ hội, hội chợ"),
    ("feeds/unit/so-vhttdl.ics", "Sở: Văn hóa, Thể thao\\Du lịch; \"Lai Châu\"", "a\nb\r\nc\\n " * 20),
    ("su-kien/x.ics", "\ufeffLe\u0302\u0303 ho\u0323i " * 12, "<b>&amp;</b>, ;:" + "ễ" * 90),
    ("su-kien/y.ics", "x", ""),
])
def test_the_calendar_header_is_what_icalendars_calendar_writes(path, name, about):
    data = _calendar(path, name, about, [], config(), (2000, 2000))
    assert data.startswith(icalendar_header(path, name, about, config().timezone) + b"BEGIN:VTIMEZONE\r\n")
