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

from . import newevent
from .answers import AnswerError, clean_line, parse_text
from ..load.config import SiteConfig
from .eventfile import dump_event
from ..model.problems import Problem
from .schema import URL_PATTERN, read_registries

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
    ("Đường đi", "directions"),
    ("Giới thiệu chi tiết", "description"),
    ("Đường dẫn phát trực tuyến", "online_url"),
    ("Giá vé", "price"),
    ("Đầu mối liên hệ", "contact_name"),
    ("Số điện thoại", "phone"),
    ("Thư điện tử", "email"),
    ("Mời báo chí", "press_invited"),
    ("Hạn đăng ký tác nghiệp báo chí", "accreditation_deadline"),
    ("Đầu mối liên hệ báo chí", "press_contact_name"),
    ("Điện thoại liên hệ báo chí", "press_phone"),
    ("Thư điện tử liên hệ báo chí", "press_email"),
    ("Tên tiếng Anh", "title_en"),
    ("Tóm tắt tiếng Anh", "summary_en"),
    ("Giới thiệu tiếng Anh", "description_en"),
    ("Tên địa điểm tiếng Anh", "place_en"),
    ("Đường đi tiếng Anh", "directions_en"),
    ("Giá vé tiếng Anh", "price_en"),
    ("Mã sự kiện", "id"),
)
LABELS = {key: label for label, key in FIELDS}
# The form's textareas: only their answers can hold a line that looks like a heading.
MULTILINE = frozenset({"summary", "description", "summary_en", "description_en"})
_HEADING = re.compile(r"###\s+(.+?)\s*")

# How to name a registry entry, for the message when an answer names none.
_EXAMPLES = {
    "unit": "\"Sở Văn hóa, Thể thao và Du lịch\" hoặc so-vhttdl",
    "category": "\"Lễ hội truyền thống\" hoặc le-hoi",
    "area": "\"Khổng Lào\" hoặc khong-lao",
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

    Only the form's own headings start a field: an answer may hold ``###``
    headings of its own, even ones that repeat a label (see ``_form_headings``).
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    number = {label: n for n, (label, _) in enumerate(FIELDS)}
    found: list[tuple[int, int]] = []  # (line, field number) of every line that reads "### <label>"
    for at, line in enumerate(lines):
        heading = _HEADING.fullmatch(line)
        field = number.get(unicodedata.normalize("NFC", heading.group(1))) if heading else None
        if field is not None:
            found.append((at, field))
    chosen = _form_headings([field for _, field in found])
    values = {}
    for k, after in zip(chosen, chosen[1:] + [None], strict=False):  # no heading: no field
        end = found[after][0] if after is not None else len(lines)
        text = "\n".join(lines[found[k][0] + 1:end]).strip()
        values[FIELDS[found[k][1]][1]] = None if text in ("", NO_RESPONSE) else unicodedata.normalize("NFC", text)
    return values


def _form_headings(fields: list[int]) -> list[int]:
    """Which label headings (given by field number, in body order) GitHub wrote.

    GitHub writes each field's heading once, in the form's order, and only a
    textarea's answer can hold more headings (a description often does, a
    summary seldom).  Of the readings that take headings in the form's
    order, the one that takes the most wins, then the one that leaves the
    fewest headings where none can be (in a one-line answer, or before the
    first field), then the fewest in a summary, then the one with later
    headings (an answer that quotes the next field's heading keeps it).
    """
    n = len(fields)
    score: list[tuple[int, int, int]] = [(0, 0, 0)] * n  # (taken, -misplaced, -in a summary) from k on
    step: list[int | None] = [None] * n  # the next heading taken after k
    best_of: dict[int, int] = {}  # field number -> its best heading after k
    for k in range(n - 1, -1, -1):
        cost = _holding_cost(FIELDS[fields[k]][1])
        options = [((1, *(cost if k < n - 1 else (0, 0))), -1)]  # k is the last field
        for field, j in best_of.items():
            if field > fields[k]:
                paid = cost if j > k + 1 else (0, 0)
                options.append(((score[j][0] + 1, score[j][1] + paid[0], score[j][2] + paid[1]), j))
        if k + 1 < n and fields[k + 1] > fields[k]:  # the next heading: nothing left in between
            options.append(((score[k + 1][0] + 1, *score[k + 1][1:]), k + 1))
        score[k], after = max(options)
        step[k] = after if after >= 0 else None
        if fields[k] not in best_of or score[k] > score[best_of[fields[k]]]:
            best_of[fields[k]] = k
    first = max(range(n), key=lambda k: (score[k][0], score[k][1] - (k > 0), score[k][2], -k), default=None)
    chain = []
    while first is not None:
        chain.append(first)
        first = step[first]
    return chain


def _holding_cost(key: str) -> tuple[int, int]:
    """What it costs a reading to put other headings in this field's answer."""
    if key not in MULTILINE:
        return (-1, 0)
    return (0, -1) if key in ("summary", "summary_en") else (0, 0)


def draft_from_body(body: str, content_dir: Path) -> Draft:
    """The event file for a submitted form; raises FormProblems listing
    every problem at once."""
    given = parse_body(body)
    if not given:
        raise FormProblems([("nội dung không phải phiếu \"Đăng ký sự kiện\": không thấy mục nào của phiếu "
                             "(các mục bắt đầu bằng '### Tên mục')")])
    problems: list[str] = []
    answers = _answers(given, read_registries(content_dir), problems)
    extras = _extras(given, problems)
    event_id = _event_id(given.get("id"), answers, content_dir, problems)
    if problems:
        raise FormProblems(problems)
    return Draft(answers["unit"], event_id, event_text({**answers, **extras}))


def _answers(given: dict, reg, problems: list[str]) -> dict:
    """The interview of ``sukien new``, answered by the form."""
    answers, missing, invalid = newevent.answer_all(newevent.questions(reg), given)
    for q in missing:
        other = f" (hoặc điền «{LABELS[q.alternative]}»)" if q.alternative else ""
        problems.append(f"«{LABELS[q.key]}»: mục bắt buộc, chưa điền{other}")
    for q, error in invalid:
        if q.key == "end" and answers.get("start") is None:
            continue  # start's own problem says it
        message = f"«{LABELS[q.key]}»: {error}"
        if q.key in _EXAMPLES:
            message += f"{'' if message.endswith('?') else '.'} Hãy ghi tên hoặc mã, ví dụ {_EXAMPLES[q.key]}"
        problems.append(message)
    return answers


def _extras(given: dict, problems: list[str]) -> dict:
    """The form's fields that ``sukien new`` does not ask."""
    extras: dict = {}
    if given.get("description_en"):
        try:
            extras["description_en"] = parse_text(given["description_en"], {})
        except AnswerError as error:
            problems.append(f"«{LABELS['description_en']}»: {error}")
    url = given.get("online_url")
    if url:
        url = clean_line(url)
        if re.fullmatch(URL_PATTERN, url):
            extras["online_url"] = url
        else:
            problems.append(f"«{LABELS['online_url']}»: \"{url}\" không phải là đường dẫn đầy đủ "
                            "bắt đầu bằng https:// (hoặc http://)")
    return extras


def _event_id(wanted: str | None, answers: dict, content_dir: Path, problems: list[str]) -> str:
    if wanted:
        try:
            return newevent.check_id(content_dir, clean_line(wanted))
        except AnswerError as error:
            problems.append(f"«{LABELS['id']}»: {error}")
            return ""
    if answers.get("title") and answers.get("start"):
        return newevent.free_id(content_dir, answers["title"], newevent.event_year(answers))
    return ""


# --- The file --------------------------------------------------------------

def event_text(answers: dict) -> str:
    """The file's text: ``sukien new``'s document plus the form's fields."""
    doc = newevent.event_document(answers)
    if answers.get("online_url"):
        doc["online_url"] = answers["online_url"]
    if answers.get("description_en"):
        doc["en"] = {**doc.get("en", {}), "description": answers["description_en"]}
    ordered = {key: doc[key] for key in _ORDER if key in doc}
    return dump_event(ordered)


def check_draft(config: SiteConfig, draft: Draft) -> list[Problem]:
    """The validator's problems with the draft, checked against the project's
    registries in a scratch tree; paths are shown as they will be."""
    from ..pipeline.validate import validate_tree

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
