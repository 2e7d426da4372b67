"""The English texts of an event (top-level ``en:``, a schedule item's and
an update's own ``en:``), ``location.directions`` and the optional tags
registry, as the validator reads them."""

from contenttree import make_tree, problems, with_fields
from generator.load.config import SiteConfig
from generator.pipeline.validate import validate_tree

ENGLISH = """
  title: Then Kin Pang Festival
  location_address: Khong Lao commune centre
  directions: National road 4D, 30 km from Lai Chau city
  price: Free
  press_note: Register with the organisers
  image_alt: Dancers in white
  image_credit: Provincial newspaper"""


def loaded(tmp_path, text, tags: str | None = None):
    content = make_tree(tmp_path, {"so-vhttdl/le-hoi-thu.yaml": text})
    if tags is not None:
        (content / "tags.yaml").write_text(tags, encoding="utf-8")
    result = validate_tree(SiteConfig(content_dir=content))
    return result, result.content.event("le-hoi-thu")


def test_every_new_english_text_is_read(tmp_path):
    result, event = loaded(tmp_path, with_fields(en=ENGLISH))
    assert result.problems == []
    assert (event.en.location_address, event.en.directions, event.en.price) == (
        "Khong Lao commune centre", "National road 4D, 30 km from Lai Chau city", "Free")
    assert (event.en.press_note, event.en.image_alt, event.en.image_credit) == (
        "Register with the organisers", "Dancers in white", "Provincial newspaper")


def test_directions_belong_to_the_location(tmp_path):
    location = "\n  name: Sân\n  directions: Theo QL4D, đỗ xe ở UBND xã"
    result, event = loaded(tmp_path, with_fields(location=location))
    assert result.problems == [] and event.location.directions == "Theo QL4D, đỗ xe ở UBND xã"


def test_schedule_items_and_updates_carry_their_own_english(tmp_path):
    schedule = '\n  - start: "08:00"\n    title: Khai mạc\n    place: Sân\n    en: {title: Opening, place: Square}'
    updates = "\n  - at: 2026-04-20 09:00\n    text: Đổi giờ\n    en:\n      text: New time"
    result, event = loaded(tmp_path, with_fields(schedule=schedule, updates=updates))
    assert result.problems == []
    assert (event.schedule[0].title_en, event.schedule[0].place_en) == ("Opening", "Square")
    assert event.updates[0].text_en == "New time"


def test_unknown_keys_in_the_new_english_mappings_are_errors_with_a_guess(tmp_path):
    schedule = '\n  - start: "08:00"\n    title: Khai mạc\n    en: {titel: Opening}'
    updates = "\n  - at: 2026-04-20 09:00\n    text: Đổi giờ\n    en:\n      txt: New time"
    found = problems(tmp_path, with_fields(schedule=schedule, updates=updates, en="\n  prise: Free"))
    unknown = [p for p in found if p.code == "unknown-key"]
    assert len(unknown) == 3 and all(p.severity == "error" for p in unknown)
    messages = " ".join(p.message for p in unknown)
    for wrong, guess in (("titel", "title"), ("txt", "text"), ("prise", "price")):
        assert f".{wrong}'" in messages and f"'{guess}'" in messages


def test_the_tags_registry_is_optional_and_read_when_present(tmp_path):
    text = with_fields(tags="[dan-toc-thai, am-thuc]")
    result, _ = loaded(tmp_path, text)
    assert result.problems == [] and result.content.tags == ()
    tags = "- {id: dan-toc-thai, name: Dân tộc Thái, name_en: Thai people}\n"
    result, _ = loaded(tmp_path / "2", text, tags)
    assert result.problems == []
    assert result.content.tag("dan-toc-thai").name_en == "Thai people"
    assert result.content.tag("am-thuc") is None


def test_a_broken_tags_registry_is_reported(tmp_path):
    result, _ = loaded(tmp_path, with_fields(), "- {id: dan-toc-thai, nam: Dân tộc Thái}\n")
    [problem] = result.problems
    assert (problem.path.rsplit("/", 1)[-1], problem.code) == ("tags.yaml", "unknown-key")
    assert "'name'" in problem.message  # the misspelt key is named with the one it stands for
