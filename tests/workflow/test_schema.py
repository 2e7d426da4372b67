"""The event file's JSON Schema: well formed, complete, helpful, and in step
with the validator (never stricter: what validates must not be flagged in
an editor), and the bundled copy up to date."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.load.config import SiteConfig
from generator.workflow.schema import SCHEMA_COMMENT, SCHEMA_ID, event_schema, read_registries, schema_json
from generator.pipeline.validate import validate_tree

ROOT = Path(__file__).resolve().parents[2]


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors do by default (YAML 1.2 core schema: ``no`` and
    dates are text, ``0912345678`` is a number), with JSON's text keys."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _rx, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("int", r"[-+]?[0-9]+", "-+0123456789"),
    ("float", r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
     "-+0123456789."),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_rx})$"), list(_first))
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(node.value))
Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: {str(k): v for k, v in loader.construct_pairs(node, deep=True)})


def editor_view(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def schema_errors(text: str, schema: dict | None = None) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema or event_schema())
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(editor_view(text))]


BASE = {
    "title": " Lễ hội Then Kin Pang",
    "summary": " Lễ hội truyền thống của đồng bào Thái trắng.",
    "category": " le-hoi",
    "start": " 2026-04-26 07:30",
    "end": " 2026-04-27 17:00",
    "location": "\n  name: Sân văn hoá xã Khổng Lào\n  area: khong-lao\n  geo: [22.50, 103.43]",
    "contact": "\n  name: Phòng Văn hoá - Xã hội\n  phone: \"0213 3800 000\"",
}


def event_text(**changes: str | None) -> str:
    fields = {**BASE, **changes}
    return SCHEMA_COMMENT + "\n" + "".join(f"{key}:{value}\n" for key, value in fields.items() if value is not None)


ACCEPTED = {
    "base": {},
    "title-no": {"title": " no"},
    "title-number": {"title": " 2026"},
    "title-bool": {"title": " true"},
    "phone-unquoted": {"contact": "\n  name: Ban tổ chức\n  phone: 0912345678"},
    "email-only": {"contact": "\n  name: Ban tổ chức\n  email: bantochuc@laichau.gov.vn"},
    "all-day": {"start": " 2026-04-26", "end": " 2026-04-28"},
    "iso-t-offset": {"start": " 2026-04-26T07:30:00+07:00", "end": None},
    "press-words": {"press": "\n  invited: có\n  accreditation_deadline: 2026-04-20\n  note: Đăng ký trước"},
    "press-bool": {"press": "\n  invited: false\n  contact:\n    name: Văn phòng\n    email: vp@laichau.gov.vn"},
    "press-yes": {"press": "\n  invited: Yes"},
    "series": {"repeat": " lunar-yearly", "repeat_until": " 2030",
               "exceptions": "\n  2027:\n    status: cancelled\n    status_note: Thời tiết\n"
                             "    en:\n      status_note: Weather"},
    "dates-for-moments": {"published": " 2026-03-01", "updates": "\n  - at: 2026-04-20\n    text: Tin"},
    "moved-year": {"repeat": " yearly", "exceptions": "\n  2028:\n    start: 2028-05-01 07:30"},
    "schedule": {"schedule": "\n  - start: 08:30\n    end: 10:00\n    title: Khai mạc\n    place: Sân"
                             "\n  - start: 2026-04-27 07:00\n    title: Rước nước"},
    "extras": {"status": " postponed", "status_note": " Chờ lịch mới", "timezone": " Asia/Ho_Chi_Minh",
               "online_url": " https://laichau.gov.vn/truc-tiep", "description": " |\n  **Phần lễ**\n  rước nước",
               "image": "\n  src: https://laichau.gov.vn/anh.jpg\n  alt: Rước nước\n  credit: Báo Lai Châu",
               "tags": " [le-hoi, dan-toc-thai]", "price": " Miễn phí",
               "co_organizers": "\n  - so-vhttdl\n  - Hội Nông dân tỉnh",
               "reference": "\n  number: 930-CV/BTGTU\n  date: 2026-03-01\n  url: https://laichau.gov.vn/cv",
               "links": "\n  - title: Chương trình\n    url: http://laichau.gov.vn/ct",
               "updates": "\n  - at: 2026-04-20 09:00\n    text: Đã có chương trình",
               "coverage": "\n  - outlet: Báo Lai Châu\n    title: Rộn ràng Then Kin Pang\n"
                           "    url: https://baolaichau.vn/then-kin-pang\n    date: 2026-04-27",
               "published": " 2026-03-01 08:00",
               "en": "\n  title: Then Kin Pang Festival\n  summary: Rain festival\n  location_name: Khong Lao"},
}

REJECTED = {
    "unknown-key": {"titel": " Lễ hội"},
    "unknown-nested-key": {"location": "\n  name: Sân\n  adress: Khổng Lào"},
    "status-typo": {"status": " canceled"},
    "repeat-value": {"repeat": " monthly"},
    "mixed-kinds": {"start": " 2026-04-26", "end": " 2026-04-27 17:00"},
    "day-first-date": {"start": " 26/04/2026", "end": None},
    "contact-incomplete": {"contact": "\n  name: Ban tổ chức"},
    "missing-location": {"location": None},
    "empty-title": {"title": " ''"},
    "title-too-long": {"title": " " + "a" * 151},
    "category-not-id": {"category": " Lễ hội"},
    "press-maybe": {"press": "\n  invited: có lẽ"},
    "image-without-alt": {"image": "\n  src: https://laichau.gov.vn/anh.jpg"},
    "image-http": {"image": "\n  src: http://laichau.gov.vn/anh.jpg\n  alt: Ảnh"},
    "image-outside": {"image": "\n  src: ../../../anh.jpg\n  alt: Ảnh"},
    "exception-key": {"repeat": " yearly", "exceptions": "\n  năm 2027:\n    status: cancelled"},
    "geo-one-number": {"location": "\n  name: Sân\n  geo: [22.5]"},
    "geo-range": {"location": "\n  name: Sân\n  geo: [122.5, 103.4]"},
    "phone-letters": {"contact": "\n  name: Ban\n  phone: 0912 abc"},
    "email": {"contact": "\n  name: Ban\n  email: ban@laichau"},
    "javascript-url": {"online_url": " javascript:alert(1)"},
    "tag-form": {"tags": " [Lễ hội]"},
    "link-without-url": {"links": "\n  - title: Chương trình"},
    "update-without-time": {"updates": "\n  - text: Tin mới"},
    "coverage-without-outlet": {"coverage": "\n  - title: Bài\n    url: https://baolaichau.vn/a"},
    "coverage-ftp": {"coverage": "\n  - outlet: Báo\n    title: Bài\n    url: ftp://baolaichau.vn/a"},
    "coverage-key": {"coverage": "\n  - outlet: Báo\n    title: Bài\n    url: https://b.vn/a\n    author: X"},
    "coverage-date": {"coverage": "\n  - outlet: Báo\n    title: Bài\n    url: https://b.vn/a\n    date: 27/4"},
    "wrong-type": {"location": " Sân văn hoá"},
}

REGISTRIES = {
    "units": "- id: so-vhttdl\n  name: Sở Văn hoá, Thể thao và Du lịch\n",
    "categories": "- id: le-hoi\n  name: Lễ hội\n  name_en: Festivals\n"
                  "- id: van-hoa\n  name: Văn hoá\n  name_en: Culture\n",
    "areas": "- id: khong-lao\n  name: Xã Khổng Lào\n  region: Phong Thổ\n",
}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("schema") / "content"
    (root / "events/so-vhttdl").mkdir(parents=True)
    for name, text in REGISTRIES.items():
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def validator_problems(tree) -> dict[str, list[str]]:
    """Every case as a file of one tree, validated once: case -> problem codes."""
    cases = {**ACCEPTED, **REJECTED}
    for n, changes in enumerate(cases.values()):
        (tree / f"events/so-vhttdl/ca-{n:02d}.yaml").write_text(event_text(**changes), encoding="utf-8")
    problems = validate_tree(SiteConfig(content_dir=tree)).problems
    codes = {name: [] for name in cases}
    for n, name in enumerate(cases):
        codes[name] = [p.code for p in problems if Path(p.path).name == f"ca-{n:02d}.yaml" and p.is_error]
    return codes


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID and SCHEMA_ID.startswith("https://sukien.laichau.gov.vn/")


def test_every_field_of_the_spec_is_described_in_spec_order():
    schema = event_schema()
    props = schema["properties"]
    assert list(props) == [
        "title", "summary", "category", "start", "end", "timezone", "status", "status_note", "location",
        "online_url", "description", "image", "tags", "price", "contact", "press", "co_organizers",
        "reference", "links", "schedule", "repeat", "repeat_until", "exceptions", "updates", "coverage", "published", "en",
    ]
    assert schema["required"] == ["title", "summary", "category", "start", "location", "contact"]
    nested = {
        "location": ["name", "address", "area", "geo", "map_url", "directions"], "image": ["src", "alt", "credit"],
        "contact": ["name", "phone", "email"], "press": ["invited", "accreditation_deadline", "note", "contact"],
        "reference": ["number", "date", "url"],
        "en": ["title", "summary", "description", "location_name", "status_note",
               "location_address", "directions", "price", "press_note", "image_alt", "image_credit"],
    }
    for key, keys in nested.items():
        assert list(props[key]["properties"]) == keys
    assert list(props["press"]["properties"]["contact"]["properties"]) == ["name", "phone", "email"]
    assert list(props["links"]["items"]["properties"]) == ["title", "url"]
    assert list(props["schedule"]["items"]["properties"]) == ["start", "end", "title", "place", "en"]
    assert list(props["schedule"]["items"]["properties"]["en"]["properties"]) == ["title", "place"]
    assert list(props["updates"]["items"]["properties"]) == ["at", "text", "en"]
    assert list(props["updates"]["items"]["properties"]["en"]["properties"]) == ["text"]
    assert list(props["coverage"]["items"]["properties"]) == ["outlet", "title", "url", "date"]
    year = props["exceptions"]["patternProperties"][r"^[0-9]{4}$"]
    assert list(year["properties"]) == ["status", "status_note", "start", "end", "en"]
    assert props["status"]["enum"] == ["confirmed", "tentative", "postponed", "cancelled"]
    assert props["repeat"]["enum"] == ["yearly", "lunar-yearly"]


def _objects(node, path="$"):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}.{key}")
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _objects(value, f"{path}[{n}]")


def test_every_mapping_is_closed_and_every_field_has_vietnamese_help():
    objects = list(_objects(event_schema()))
    assert len(objects) == 17  # the top level and the 16 nested mappings of the spec
    for path, node in objects:
        assert node.get("additionalProperties") is False, path
        for key, prop in node.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), f"{path}.{key}"
    help_text = " ".join(p["description"] for _, n in objects for p in n.get("properties", {}).values())
    assert "ngày" in help_text and "bắt buộc" in help_text


def test_patterns_are_valid_ecmascript_regular_expressions():
    """Editors run the patterns as JavaScript regular expressions."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    patterns = sorted(set(re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', schema_json()))
                      | {json.dumps(k) for k in event_schema()["properties"]["exceptions"]["patternProperties"]})
    script = f"for (const p of [{','.join(patterns)}]) new RegExp(p, 'u')"
    subprocess.run([node, "-e", script], check=True, capture_output=True, timeout=60)


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_valid_files_are_accepted_by_schema_and_validator(case, validator_problems):
    assert schema_errors(event_text(**ACCEPTED[case])) == []
    assert validator_problems[case] == []


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_invalid_files_are_flagged_by_schema_and_validator(case, validator_problems):
    assert schema_errors(event_text(**REJECTED[case])) != []
    assert validator_problems[case] != []


def test_registries_offer_their_ids(tree):
    schema = event_schema(read_registries(tree))
    props = schema["properties"]
    assert props["category"]["enum"] == ["le-hoi", "van-hoa"]
    assert props["category"]["enumDescriptions"] == ["Lễ hội", "Văn hoá"]
    assert props["location"]["properties"]["area"]["enumDescriptions"] == ["Xã Khổng Lào (Phong Thổ)"]
    assert schema_errors(event_text(category=" the-thao"), schema) != []
    assert schema_errors(event_text(category=" the-thao")) == []
    free = event_text(co_organizers="\n  - so-vhttdl\n  - Hội Nông dân tỉnh")
    assert schema_errors(free, schema) == []


def test_registries_missing_or_malformed_give_the_generic_schema(tmp_path):
    (tmp_path / "units.yaml").write_text("units: [", encoding="utf-8")
    (tmp_path / "categories.yaml").write_text("- just text\n- id: [x]\n", encoding="utf-8")
    assert schema_json(read_registries(tmp_path)) == schema_json() == schema_json(read_registries(tmp_path / "no"))


def test_schema_command_prints_the_schema(tree):
    runner = CliRunner()
    result = runner.invoke(main, ["schema", "--content", str(tree)])
    assert result.exit_code == 0
    assert result.stdout == schema_json(read_registries(tree))
    assert json.loads(result.stdout)["properties"]["category"]["enum"] == ["le-hoi", "van-hoa"]
    generic = runner.invoke(main, ["schema", "--content", str(tree), "--generic"])
    assert generic.stdout == schema_json() and generic.stdout.endswith("}\n")


def test_bundled_schema_is_current():
    bundled = ROOT / "content/event.schema.json"
    expected = schema_json(read_registries(ROOT / "content"))
    assert bundled.read_text(encoding="utf-8") == expected, (
        "content/event.schema.json is stale: run `sukien schema > content/event.schema.json`")


def test_bundled_events_point_to_the_schema_and_satisfy_it():
    schema = json.loads((ROOT / "content/event.schema.json").read_text(encoding="utf-8"))
    files = sorted((ROOT / "content/events").glob("*/*.y*ml"))
    assert files
    for file in files:
        text = file.read_text(encoding="utf-8-sig")
        assert text.splitlines()[0] == SCHEMA_COMMENT, file.name
        assert schema_errors(text, schema) == [], file.name
