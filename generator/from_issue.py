"""``sukien from-issue``: an issue-form submission ("Đăng ký sự kiện") to an
event file.

GitHub renders a submitted issue form as Markdown: one ``### Label`` heading
per field, then the value, ``_No response_`` for an empty field.  The
answers go through the same questions and rules as ``sukien new``
(``newevent``), so both ways of submitting give the same file; the form
adds a few fields that the terminal interview leaves out (description,
livestream link, price, accreditation deadline, English description).
The result is checked once more by the validator, in a scratch copy of the
registries, before anything is written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from . import newevent
from .eventfile import dump_event
from .config import SiteConfig
from .problems import Problem
from .schema import REPEAT_VI, URL_PATTERN, read_registries

NO_RESPONSE = "_No response_"

# (label in the issue form, answer key).  The keys of ``newevent.questions``
# plus the form's own; the labels must match .github/ISSUE_TEMPLATE exactly.
FIELDS = (
    ("Đơn vị tổ chức", "unit"),
    ("Tên sự kiện", "title"),
    ("Tóm tắt", "summary"),
    ("Chủ đề", "category"),
    ("Bắt đầu", "start"),
    ("Kết thúc", "end"),
    ("Lặp lại hằng năm", "repeat"),
    ("Tên địa điểm", "place"),
    ("Địa chỉ", "address"),
    ("Xã, phường", "area"),
    ("Giới thiệu chi tiết", "description"),
    ("Đường dẫn phát trực tuyến", "online_url"),
    ("Giá vé", "price"),
    ("Đầu mối liên hệ", "contact_name"),
    ("Số điện thoại", "phone"),
    ("Thư điện tử", "email"),
    ("Mời báo chí", "press_invited"),
    ("Hạn đăng ký tác nghiệp báo chí", "accreditation_deadline"),
    ("Tên tiếng Anh", "title_en"),
    ("Tóm tắt tiếng Anh", "summary_en"),
    ("Giới thiệu tiếng Anh", "description_en"),
    ("Mã sự kiện", "id"),
)
LABELS = {key: label for label, key in FIELDS}
REPEAT_CHOICES = {"Không lặp lại": "không", **{label: key for key, label in REPEAT_VI.items()}}

_REGISTRY_FILES = {
    "unit": ("đơn vị", "content/units.yaml", "\"Sở Văn hóa, Thể thao và Du lịch\" hoặc so-vhttdl"),
    "category": ("chủ đề", "content/categories.yaml", "le-hoi"),
    "area": ("xã, phường", "content/areas.yaml", "\"Khổng Lào\" hoặc khong-lao"),
}

# Keys in the order of the format's spec, for a file that reads like the docs.
_ORDER = ("title", "summary", "category", "start", "end", "location", "online_url", "description",
          "price", "contact", "press", "repeat", "en")


class FormProblems(Exception):
    """What is wrong with a submission, one Vietnamese sentence each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Draft:
    unit: str
    event_id: str
    text: str

    def path(self, content_dir: Path) -> Path:
        return newevent.event_path(content_dir, self.unit, self.event_id)


def parse_body(body: str) -> dict[str, str | None]:
    """Answer key -> text (None when empty) for every form field found.

    Only headings with a known label start a field, so a description may
    hold ``###`` headings of its own.
    """
    keys = {label: key for label, key in FIELDS}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = re.fullmatch(r"###\s+(.+?)\s*", line)
        key = keys.get(unicodedata.normalize("NFC", heading.group(1))) if heading else None
        if key and key not in found:
            current = found[key] = []
        elif current is not None:
            current.append(line)
    values = {}
    for key, lines in found.items():
        text = "\n".join(lines).strip()
        values[key] = None if text in ("", NO_RESPONSE) else unicodedata.normalize("NFC", text)
    return values


def draft_from_body(body: str, content_dir: Path) -> Draft:
    """The event file for a submitted form; raises FormProblems listing
    every problem at once."""
    given = parse_body(body)
    if not given:
        raise FormProblems(["nội dung không phải phiếu \"Đăng ký sự kiện\": không thấy mục nào của phiếu "
                            "(các mục bắt đầu bằng '### Tên mục')"])
    reg = read_registries(content_dir)
    given = _resolve_choices(given, reg)
    problems: list[str] = []
    answers = _answers(given, reg, problems)
    extras = _extras(given, problems)
    event_id = _event_id(given.get("id"), answers, content_dir, problems)
    if problems:
        raise FormProblems(problems)
    return Draft(answers["unit"], event_id, event_text({**answers, **extras}))


def _answers(given: dict, reg, problems: list[str]) -> dict:
    """The interview of ``sukien new``, answered by the form."""
    answers: dict = {}
    for q in newevent.questions(reg):
        if q.when and not q.when(answers):
            continue
        text = given.get(q.key) or q.default
        answers[q.key] = None
        label = LABELS[q.key]
        if not text or not newevent.clean_line(text):
            if q.needed(answers):
                other = f" (hoặc điền «{LABELS['phone']}»)" if q.alternative else ""
                problems.append(f"«{label}»: mục bắt buộc, chưa điền{other}")
            continue
        if q.key in _REGISTRY_FILES and q.choices and text not in {i for i, _ in q.choices}:
            what, file, example = _REGISTRY_FILES[q.key]
            problems.append(f"«{label}»: không có {what} \"{newevent.clean_line(text)}\" trong {file}; "
                            f"hãy ghi tên hoặc mã, ví dụ {example}")
            continue
        try:
            answers[q.key] = q.parse(text, answers)
        except newevent.AnswerError as error:
            if not (q.key == "end" and answers.get("start") is None):  # start's own problem says it
                problems.append(f"«{label}»: {error}")
    return answers


def _extras(given: dict, problems: list[str]) -> dict:
    """The form's fields that ``sukien new`` does not ask."""
    extras: dict = {}
    for key in ("description", "description_en"):
        if given.get(key):
            extras[key] = "\n".join(line.rstrip() for line in given[key].split("\n")).strip() + "\n"
    if given.get("price"):
        extras["price"] = newevent.clean_line(given["price"])
    url = given.get("online_url")
    if url:
        url = newevent.clean_line(url)
        if re.fullmatch(URL_PATTERN, url):
            extras["online_url"] = url
        else:
            problems.append(f"«{LABELS['online_url']}»: \"{url}\" không phải là đường dẫn đầy đủ "
                            "bắt đầu bằng https:// (hoặc http://)")
    deadline = given.get("accreditation_deadline")
    if deadline:
        try:
            extras["accreditation_deadline"] = newevent.parse_when(deadline)
        except newevent.AnswerError as error:
            problems.append(f"«{LABELS['accreditation_deadline']}»: {error}")
    return extras


def _event_id(wanted: str | None, answers: dict, content_dir: Path, problems: list[str]) -> str:
    if wanted:
        try:
            return newevent.check_id(content_dir, newevent.clean_line(wanted))
        except newevent.AnswerError as error:
            problems.append(f"«{LABELS['id']}»: {error}")
            return ""
    if answers.get("title") and answers.get("start"):
        return newevent.free_id(content_dir, answers["title"], newevent.event_year(answers))
    return ""


def _resolve_choices(given: dict, reg) -> dict:
    """Registry fields accept the id, the name, or the ``Name (id)`` of a
    dropdown; the repeat dropdown's labels become its words."""
    given = dict(given)
    for key, entries in (("unit", reg.units), ("category", reg.categories), ("area", reg.areas)):
        if given.get(key):
            given[key] = _registry_id(given[key], entries)
    if given.get("repeat"):
        given["repeat"] = REPEAT_CHOICES.get(given["repeat"], given["repeat"])
    return given


def _registry_id(text: str, entries: tuple[tuple[str, str], ...]) -> str:
    ids = {i for i, _ in entries}
    text = newevent.clean_line(text)
    paren = re.search(r"\(([a-z0-9-]+)\)\s*$", text)
    if paren and paren.group(1) in ids:
        return paren.group(1)
    wanted = _bare(slugify(text))
    for entry_id, label in entries:
        names = (entry_id, label, label.split(" (")[0])
        if wanted in {_bare(slugify(name)) for name in names}:
            return entry_id
    return text


def _bare(slug: str) -> str:
    for prefix in ("xa-", "phuong-", "thi-tran-"):
        if slug.startswith(prefix):
            return slug[len(prefix):]
    return slug


# --- The file --------------------------------------------------------------

def event_text(answers: dict) -> str:
    """The file's text: ``sukien new``'s document plus the form's fields."""
    doc = newevent.event_document(answers)
    for key in ("online_url", "description", "price"):
        if answers.get(key):
            doc[key] = answers[key]
    if answers.get("accreditation_deadline"):
        doc["press"] = {**doc.get("press", {"invited": False}),
                        "accreditation_deadline": answers["accreditation_deadline"]}
    if answers.get("description_en"):
        doc["en"] = {**doc.get("en", {}), "description": answers["description_en"]}
    ordered = {key: doc[key] for key in _ORDER if key in doc}
    return dump_event(ordered)


def check_draft(config: SiteConfig, draft: Draft) -> list[Problem]:
    """The validator's problems with the draft, checked against the project's
    registries in a scratch tree; paths are shown as they will be."""
    from .validate import validate_tree

    source = Path(config.content_dir)
    shown = draft.path(source).as_posix()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder, "content")
        scratch.mkdir()
        for name in ("units.yaml", "categories.yaml", "areas.yaml"):
            if (source / name).is_file():
                shutil.copyfile(source / name, scratch / name)
        file = draft.path(scratch)
        file.parent.mkdir(parents=True)
        file.write_text(draft.text, encoding="utf-8", newline="\n")
        result = validate_tree(config.with_content(scratch), files=[file])
        return [_moved(p, shown) for p in result.problems]


def _moved(problem: Problem, path: str) -> Problem:
    return Problem(path, problem.line, problem.column, problem.code, problem.message,
                   problem.message_en, problem.severity)


def write_draft(config: SiteConfig, draft: Draft) -> Path:
    """Create the file; never overwrite one (FileExistsError)."""
    path = draft.path(Path(config.content_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(draft.text)
    return path
