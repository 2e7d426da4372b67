"""The press in the feeds: every entry of an invited event carries the
press facts, no other entry does; the press feeds hold exactly the invited
events (and, in the calendar, one entry per accreditation deadline), read
back by feedparser, the Atom RELAX NG schema, icalendar, vobject and ical.js.

The content tree (tests/presstree.py) has facts chosen for the test: dates,
phones and e-mails that the expectations name independently of the code.
"""

import datetime as dt
import json

import feedparser
import pytest
import vobject
from contenttree import make_tree
from feedsupport import DATA, HOST, NOW, SITE, ZONE, config, ical_js, load, write
from presstree import ABROAD, EVENTS
from icalendar import Calendar
from lxml import etree

from generator.feeds import build_feeds
from generator.site.catalogue import Catalogue
from generator.vcs.history import History

# what a reporter must find in each entry: the deadline's date and a way to call
INVITED = {
    "hop-bao": ("09/03/2026", "0912 000 136"),
    "ngay-hoi": ("15/03/2026", "0213 3800 777"),  # no press contact: the official one
    "then-kin-pang": ("20/04/2026", "0213 3811 111"),
    "cho-phien": ("20/03/2026", "0213 3811 111"),
}
NOT_INVITED = ("khong-moi", "binh-thuong")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return make_tree(tmp_path_factory.mktemp("press"), EVENTS)


def feeds_at(tree, now):
    return build_feeds(Catalogue.build(load(tree), config(tree), now), config(tree), History(), now)


@pytest.fixture(scope="module")
def files(tree):
    return feeds_at(tree, NOW)


def event_id(url: str) -> str:
    return url.removeprefix(SITE + "su-kien/").strip("/")


def uid_key(uid) -> str:
    return str(uid).removesuffix(f"@{HOST}")


def test_every_feed_entry_of_an_invited_event_carries_the_press_facts(files):
    texts: dict[str, dict[str, str]] = {}
    for path in ("feeds/events.rss", "feeds/events.atom"):
        for entry in feedparser.parse(files[path]).entries:
            body = entry.content[0].value if "content" in entry else entry.description
            texts.setdefault(event_id(entry.link), {})[path] = body
    for item in json.loads(files["feeds/events.json"])["items"]:
        texts[event_id(item["url"])]["json"] = item["content_html"]
    for vevent in Calendar.from_ical(files["feeds/events.ics"]).walk("VEVENT"):
        key = uid_key(vevent["UID"])
        texts.setdefault(key.rsplit("-", 1)[0] if key.startswith("then-kin-pang") else key, {})[
            f"ics {key}"] = str(vevent["DESCRIPTION"])
    for name, (date, phone) in INVITED.items():
        assert len(texts[name]) >= 4, texts[name].keys()
        for where, body in texts[name].items():
            assert "Dành cho báo chí" in body and date in body and phone in body, (name, where)
    for name in NOT_INVITED:
        for where, body in texts[name].items():
            assert "báo chí" not in body and "05/03/2026" not in body and "0999" not in body, (name, where)


def test_the_press_block_says_weekday_date_time_and_note(files):
    (vevent,) = [v for v in Calendar.from_ical(files["feeds/events.ics"]).walk("VEVENT")
                 if uid_key(v["UID"]) == "hop-bao"]
    description = str(vevent["DESCRIPTION"])
    assert "- Hạn đăng ký tác nghiệp: Thứ Hai, 09/03/2026, 17:00" in description
    assert "- Liên hệ báo chí: Tiểu ban Tuyên truyền, 0912 000 136, baochi@example.vn" in description
    assert "- Ghi chú cho báo chí: Mỗi cơ quan đăng ký tối đa 2 phóng viên." in description


def test_json_feed_carries_the_press_facts_as_data(files):
    items = {event_id(i["url"]): i["_sukien"] for i in json.loads(files["feeds/events.json"])["items"]}
    hop_bao = items["hop-bao"]
    assert hop_bao["press_invited"] is True
    assert dt.datetime.fromisoformat(hop_bao["accreditation_deadline"]) == dt.datetime(2026, 3, 9, 17, tzinfo=ZONE)
    assert hop_bao["press_contact"] == {"name": "Tiểu ban Tuyên truyền", "phone": "0912 000 136",
                                        "email": "baochi@example.vn"}
    all_day = dt.datetime.fromisoformat(items["ngay-hoi"]["accreditation_deadline"])
    assert all_day.utcoffset() == dt.timedelta(hours=7) and all_day.date() == dt.date(2026, 3, 15)
    assert items["ngay-hoi"]["press_contact"]["email"] == "btc@example.vn"
    for name in NOT_INVITED:
        assert not {"press_invited", "accreditation_deadline", "press_contact"} & items[name].keys()


def press_calendar(files) -> dict[str, object]:
    return {uid_key(v["UID"]): v for v in Calendar.from_ical(files["feeds/bao-chi.ics"]).walk("VEVENT")}


def test_the_press_calendar_holds_exactly_the_invited_occurrences_and_their_deadlines(files):
    every = {uid_key(v["UID"]) for v in Calendar.from_ical(files["feeds/events.ics"]).walk("VEVENT")}
    invited = {key for key in every if key.startswith(tuple(INVITED))}
    # the 2025 festival ended more than 60 days ago; the series is published two years ahead
    assert invited == {"hop-bao", "ngay-hoi", "cho-phien", "then-kin-pang-2026", "then-kin-pang-2027",
                       "then-kin-pang-2028"}
    deadlines = {"hop-bao.han-dang-ky", "ngay-hoi.han-dang-ky", "cho-phien.han-dang-ky",
                 "then-kin-pang-2026.han-dang-ky"}  # a series' deadline is for its next edition
    assert set(press_calendar(files)) == invited | deadlines


def test_deadline_entries_sit_at_the_deadline_and_follow_the_event(files):
    entries = press_calendar(files)
    timed = entries["hop-bao.han-dang-ky"]
    assert timed.decoded("DTSTART") == dt.datetime(2026, 3, 9, 17, tzinfo=ZONE)
    assert str(timed["SUMMARY"]) == "Hạn đăng ký tác nghiệp: Họp báo Tuần Văn hoá"
    assert str(timed["URL"]) == SITE + "su-kien/hop-bao/"
    all_day = entries["ngay-hoi.han-dang-ky"]
    assert (all_day.decoded("DTSTART"), all_day.decoded("DTEND")) == (dt.date(2026, 3, 15), dt.date(2026, 3, 16))
    cancelled = entries["cho-phien.han-dang-ky"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "[ĐÃ HỦY] Hạn đăng ký tác nghiệp: Chợ phiên vùng cao"
    assert str(entries["then-kin-pang-2026.han-dang-ky"]["SUMMARY"]).endswith("Lễ hội Then Kin Pang (2026)")


def test_press_uids_are_unique_and_stable_across_builds(tree, files):
    raw = files["feeds/bao-chi.ics"].decode()
    uids = [line for line in raw.replace("\r\n ", "").split("\r\n") if line.startswith("UID:")]
    assert len(uids) == len(set(uids))
    assert feeds_at(tree, NOW)["feeds/bao-chi.ics"] == files["feeds/bao-chi.ics"]
    later = feeds_at(tree, NOW + dt.timedelta(days=3))
    assert set(press_calendar(later)) == set(press_calendar(files))


def test_the_press_calendar_passes_the_calendar_parsers(files, tmp_path):
    data = files["feeds/bao-chi.ics"]
    cal = Calendar.from_ical(data)
    assert all(not component.errors for component in cal.walk())
    assert len(vobject.readOne(data.decode("utf-8"), validate=True).vevent_list) == len(press_calendar(files))
    (parsed,) = ical_js([write({"feeds/bao-chi.ics": data}, tmp_path)["feeds/bao-chi.ics"]])
    assert "error" not in parsed, parsed
    assert sorted(e["uid"] for e in parsed["events"]) == sorted(str(v["UID"]) for v in cal.walk("VEVENT"))
    timed = next(e for e in parsed["events"] if e["uid"].startswith("hop-bao.han-dang-ky"))
    assert timed["startUnix"] == int(dt.datetime(2026, 3, 9, 17, tzinfo=ZONE).timestamp())


@pytest.mark.parametrize("path", ["feeds/bao-chi.rss", "feeds/bao-chi.atom"])
def test_press_news_feeds_hold_the_invited_events(files, path):
    feed = feedparser.parse(files[path])
    assert not feed.bozo, feed.get("bozo_exception")
    assert sorted(event_id(e.link) for e in feed.entries) == sorted(INVITED)
    assert all("Hạn đăng ký tác nghiệp" in (e.content[0].value if "content" in e else e.description)
               for e in feed.entries)


def test_press_atom_is_valid_against_rfc_4287(files):
    schema = etree.RelaxNG(etree.parse(str(DATA / "schema" / "atom.rng")))
    document = etree.fromstring(files["feeds/bao-chi.atom"])
    assert schema.validate(document), schema.error_log
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert document.find("a:link[@rel='self']", ns).get("href") == SITE + "feeds/bao-chi.atom"



def test_a_deadline_in_another_zone_names_it_in_every_feed(tmp_path):
    """Regression: 12:00 in Tokyo is 10:00 in Lai Châu; a reporter reading
    a bare "12:00" would miss the deadline by two hours."""
    files = feeds_at(make_tree(tmp_path, ABROAD), NOW)
    line = "Hạn đăng ký tác nghiệp: Thứ Tư, 25/03/2026, 12:00 (giờ Asia/Tokyo, UTC+09:00)"
    [entry] = feedparser.parse(files["feeds/bao-chi.rss"]).entries
    assert line in " ".join(etree.HTML(entry.description).itertext()).replace(":  ", ": ")
    descriptions = [str(v["DESCRIPTION"]) for v in Calendar.from_ical(files["feeds/bao-chi.ics"]).walk("VEVENT")]
    assert len(descriptions) == 2 and all(f"- {line}" in text for text in descriptions)
    [item] = json.loads(files["feeds/events.json"])["items"]
    assert item["_sukien"]["accreditation_deadline"] == "2026-03-25T12:00:00+09:00"
