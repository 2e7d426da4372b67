"""Load a content tree: registries, then every event file.

Every problem of every file is collected; a file with an error is left out
of the returned ``Content`` and the others are still checked and loaded.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from slugify import slugify

from ..model import event as model, patterns
from .config import SiteConfig
from .halves import halves
from .eventfiles import EVENTS, event_id_of, holds_events, is_event_name
from ..model.problems import Problem
from ..rules import dates as date_rules, registries as registry_rules
from ..rules.filecheck import FileCheck, KnownIds, suggest
from ..rules.event import check_event
from .yamlread import MappingNode, Node, compose, is_null

REGISTRY_SIZE_LIMIT = 16 * 1024 * 1024
REGISTRY_NAMES = ("units.yaml", "categories.yaml", "areas.yaml", "tags.yaml")
REGISTRIES = (
    ("units.yaml", "units", registry_rules.read_units),
    ("categories.yaml", "categories", registry_rules.read_categories),
    ("areas.yaml", "areas", registry_rules.read_areas),
    ("tags.yaml", "tags", registry_rules.read_tags),
)
OPTIONAL_REGISTRIES = ("tags.yaml",)  # without it, tags are shown as written


@dataclass
class Loaded:
    content: model.Content
    problems: list[Problem] = field(default_factory=list)
    event_files: list[Path] = field(default_factory=list)
    registries: KnownIds = field(default_factory=KnownIds)


def load_content(config: SiteConfig) -> tuple[model.Content, list[Problem]]:
    """The valid part of the content tree, and every problem found."""
    loaded = load_tree(config)
    return loaded.content, loaded.problems


def load_tree(config: SiteConfig) -> Loaded:
    root = Path(config.content_dir)
    problems: list[Problem] = []
    found, known = _registries(root, config, problems)
    events: list[model.Event] = []
    files = list(_event_files(root, config, problems))
    years = date_rules.window(config.timezone)  # one clock reading for the whole tree

    def load(part: Sequence[tuple[Path, str, str]]) -> tuple[list[model.Event], list[Problem]]:
        found_problems: list[Problem] = []
        loaded = (_load_event(file, unit, path, root, config, known, found_problems, years)
                  for file, unit, path in part)
        return [event for event in loaded if event is not None], found_problems

    for part_events, part_problems in halves(files, load):  # each file on its own: on both cores
        events += part_events
        problems += part_problems
    events = _drop_duplicates(events, files, root, problems)
    events.sort(key=lambda e: (e.start.isoformat(), e.id))
    content = model.Content(root=str(root), events=tuple(events), **found)
    problems.sort()
    return Loaded(content, problems, [file for file, _, _ in files], known)


def load_registries(config: SiteConfig) -> tuple[dict[str, tuple[registry_rules.RegistryItem, ...]], list[Problem]]:
    """The registries as the validator reads them ({'units': ..., ...})
    and their problems: what writes files from registry values reads them
    here, so that only validated values reach those files."""
    problems: list[Problem] = []
    found, _ = _registries(Path(config.content_dir), config, problems)
    return found, sorted(problems)


def display(path: Path) -> str:
    """The path as the user sees it: relative to the working directory."""
    text = os.path.abspath(path)
    cwd = os.path.join(os.getcwd(), "")
    if text.startswith(cwd):
        return text[len(cwd):].replace(os.sep, "/")
    return str(path)


def read_node(ck: FileCheck, file: Path, limit: int) -> Node | None:
    """The composed YAML of a file, or None with the problem reported."""
    name = os.fspath(file)
    try:
        fd: int | None = os.open(name, _READ_FLAGS)
    except OSError:
        fd = None  # then stat tells a folder or a device from an unreadable file
    try:
        info = os.fstat(fd) if fd is not None else os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            ck.report(None, "unsafe-path", "đây không phải một tệp văn bản thường (thư mục, thiết bị hay ống dẫn)",
                      "this is not a regular file")
            return None
        size = info.st_size
        if size > limit:
            ck.report(None, "file-too-large",
                      f"tệp quá lớn ({_number(size)} byte, tối đa {_number(limit)}); hãy rút gọn mô tả hoặc tách ảnh ra tệp riêng",
                      f"the file is too large ({size} bytes, at most {limit})")
            return None
        if fd is None:
            fd = os.open(name, _READ_FLAGS)  # fails again, with the reason
        data = _read_to_end(fd, size)
    except OSError as error:
        ck.report(None, "unsafe-path", "không đọc được tệp (liên kết hỏng hoặc không có quyền đọc)",
                  f"cannot read the file: {error.strerror}")
        return None
    finally:
        if fd is not None:
            os.close(fd)
    return node_from_bytes(ck, data, registry=file.name in REGISTRY_NAMES)


def _read_to_end(fd: int, size: int) -> bytes:
    """What ``Path.read_bytes`` reads, without a file object (half its time
    for a small file): one read of the ``size`` that ``fstat`` gave, then
    on to the end, whatever the file holds by now."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(fd, 65536))
    return b"".join(chunks)


# Opened before it is known to be a regular file (one system call fewer than
# stat, then open): a FIFO must not make the open wait for a writer, nor a
# terminal become the process's own.  (Git stores no FIFO or device; the
# symlinks that could lead to one outside the tree are refused before.)
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def node_from_bytes(ck: FileCheck, data: bytes, registry: bool = False) -> Node | None:
    node, issue = compose(data)
    if issue is not None:
        ck.problems.append(Problem(ck.path, issue.line + 1, issue.column + 1, issue.code, issue.vi, issue.en))
        return None
    if node is None or is_null(node):
        if registry:
            ck.report(None, "empty-file", "tệp danh mục trống: cần một danh sách các mục '- id: ...'",
                      "the registry is empty: it needs a list of '- id: ...' entries")
        else:
            ck.report(None, "empty-file",
                      "tệp trống: chưa có nội dung sự kiện (hãy dùng 'sukien new' hoặc sao chép một tệp mẫu)",
                      "the file is empty: it holds no event")
        return None
    return node


def _registries(root: Path, config: SiteConfig, problems: list[Problem]):
    found: dict[str, tuple[registry_rules.RegistryItem, ...]] = {}
    known = KnownIds()
    for filename, kind, read in REGISTRIES:
        file = root / filename
        ck = FileCheck(display(file), file, root, config, KnownIds())
        if file.is_symlink() and not _check_link(file, root.resolve(), root, config, problems):
            continue
        if not file.is_file() and filename in OPTIONAL_REGISTRIES and not file.exists():
            continue
        if not file.is_file():
            ck.report(None, "missing-registry",
                      f"thiếu tệp danh mục {filename} trong thư mục {display(root)}",
                      f"the registry {filename} is missing from {display(root)}")
            problems.extend(ck.problems)
            continue
        node = read_node(ck, file, REGISTRY_SIZE_LIMIT)
        items = read(ck, node) if node is not None else None
        ck.close()
        problems.extend(ck.problems)
        if items is None:
            problems.append(Problem(ck.path, 1, 1, "missing-registry",
                                    f"không đọc được danh mục {filename}: các kiểm tra dựa vào nó bị bỏ qua",
                                    f"the registry {filename} is unreadable: checks that need it are skipped"))
            continue
        found[kind] = tuple(items)
        if hasattr(known, kind):
            setattr(known, kind, {item.id: item for item in items})
    known.category_names = registry_rules.name_index(found.get("categories", ()))
    known.area_names = registry_rules.name_index(found.get("areas", ()))
    return found, known


def _event_files(root: Path, config: SiteConfig, problems: list[Problem]):
    """(file, unit folder, path below the root) of every event file,
    sorted; symlinks that lead out of the tree are reported, not followed."""
    events = root / EVENTS
    real_root = root.resolve()
    if not events.is_dir() or (events.is_symlink() and not _check_link(events, real_root, root, config, problems)):
        return
    for folder, dirs, entries in _walk(os.fspath(events)):
        here = Path(folder)
        below = os.path.relpath(folder, root).replace(os.sep, "/")  # events/<unit>[/...]
        unit = below.split("/")[1] if here != events else ""
        for name in list(dirs):
            if not holds_events(name):
                dirs.remove(name)  # pictures, and hidden folders (.git), hold no event
            elif (here / name).is_symlink():
                dirs.remove(name)
                _check_link(here / name, real_root, root, config, problems)
        for entry in entries:
            name = entry.name
            if not is_event_name(name):
                continue
            file = here / name
            if _is_symlink(entry) and not _check_link(file, real_root, root, config, problems):
                continue
            yield file, unit, f"{below}/{name}"


def _walk(top: str):
    """``os.walk(top)`` (top down, symlinked folders listed, not entered,
    unreadable folders skipped) with folder names sorted and the other
    entries as sorted ``os.DirEntry``: their ``is_symlink`` needs no
    ``lstat`` of each file."""
    try:
        with os.scandir(top) as listing:
            found = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    dirs: list[str] = []
    others: list[os.DirEntry] = []
    for entry in found:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(entry.name)
        else:
            others.append(entry)
    yield top, dirs, others
    for name in dirs:
        path = os.path.join(top, name)
        if not os.path.islink(path):
            yield from _walk(path)


def _is_symlink(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _check_link(link: Path, real_root: Path, root: Path, config: SiteConfig, problems) -> bool:
    """True for a symlink that stays inside the tree; others are reported."""
    try:
        target = link.resolve(strict=True)
        target.relative_to(real_root)
        return True
    except ValueError:
        vi, en = "trỏ ra ngoài thư mục content/", "leads out of content/"
    except (OSError, RuntimeError):
        vi, en = "hỏng (không trỏ tới tệp nào, hoặc tạo vòng lặp)", "is broken (no target, or a loop)"
    ck = FileCheck(display(link), None, root, config, KnownIds())
    ck.report(None, "unsafe-path",
              f"liên kết tượng trưng (symlink) {display(link)} {vi}: bị bỏ qua; hãy thay bằng tệp thật",
              f"the symbolic link {display(link)} {en}: it is ignored")
    problems.extend(ck.problems)
    return False


def _load_event(file: Path, unit: str, path: str, root: Path, config: SiteConfig, known: KnownIds,
                problems, years: tuple[int, int] | None = None) -> model.Event | None:
    ck = FileCheck(display(file), file, root, config, known, years=years)
    event_id = event_id_of(file.name)
    _check_place(ck, unit, event_id, known)
    node = read_node(ck, file, config.max_file_size)
    event = None
    if node is not None:
        try:
            event = _event_from_node(ck, node, event_id, unit, path)
        except Exception as error:  # a bug must not stop the other files being checked
            ck.report(None, "internal-error",
                      f"lỗi nội bộ của trình kiểm tra khi đọc tệp này ({type(error).__name__}: {error}); "
                      "hãy báo cho nhóm biên tập",
                      f"internal validator error on this file ({type(error).__name__}: {error})")
    ck.close()
    problems.extend(ck.problems)
    return event if not ck.failed else None


def check_loose_file(file: Path, config: SiteConfig, loaded: Loaded) -> list[Problem]:
    """The problems of an event file kept outside the tree (given on the
    command line), checked against the tree's registries; its folder name
    stands for its unit."""
    problems: list[Problem] = []
    root = Path(config.content_dir)
    _load_event(file, file.parent.name, f"{EVENTS}/{file.parent.name}/{file.name}", root, config,
                loaded.registries, problems)
    return problems


def _event_from_node(ck: FileCheck, node: Node, event_id: str, unit: str, path: str) -> model.Event | None:
    if not isinstance(node, MappingNode):
        ck.report(node, "wrong-type",
                  "tệp sự kiện phải là một bảng các trường ('title: ...', 'start: ...'), không phải danh sách hay văn bản",
                  "an event file must be a mapping of keys ('title: ...'), not a list or a text")
        return None
    return check_event(ck, node, event_id, unit, path)


def parse_event_text(text: str, path: str, content: model.Content, config: SiteConfig) -> model.Event | None:
    """An event from a file's text (an old revision, say), or None when it
    is not valid; registries come from ``content``; images are not checked."""
    known = KnownIds(
        units={u.id: u for u in content.units} or None,
        categories={c.id: c for c in content.categories} or None,
        areas={a.id: a for a in content.areas} or None,
    )
    ck = FileCheck(path, None, None, config, known)
    node = node_from_bytes(ck, text.encode("utf-8"))
    parts = Path(path).parts
    unit = parts[parts.index(EVENTS) + 1] if EVENTS in parts[:-2] else ""
    event = _event_from_node(ck, node, event_id_of(Path(path).name), unit, path) if node is not None else None
    if ck.failed or event is None:
        return None
    if event.image is not None and not event.image.is_url:  # as load_tree gives it: from the content root
        src = posixpath.normpath(posixpath.join(posixpath.dirname(path), event.image.src))
        event = replace(event, image=replace(event.image, src=src))
    return event


def _check_place(ck: FileCheck, unit: str, event_id: str, known: KnownIds) -> None:
    if not unit:
        ck.report(None, "unknown-unit",
                  "tệp sự kiện phải nằm trong thư mục của đơn vị: content/events/<mã-đơn-vị>/",
                  "event files belong in their unit's folder: content/events/<unit-id>/")
    elif known.units is not None and unit not in known.units:
        guess = suggest(unit, known.units)
        ck.report(None, "unknown-unit",
                  f"thư mục đơn vị '{unit}' không có trong units.yaml"
                  + (f"; có phải ý bạn là '{guess}'?" if guess else "; hãy đăng ký đơn vị hoặc chuyển tệp vào thư mục của đơn vị"),
                  f"the unit folder '{unit}' is not in units.yaml" + (f"; did you mean '{guess}'?" if guess else ""))
    if not patterns.is_event_id(event_id):
        better = slugify(event_id, max_length=80) or "le-hoi-2026"
        ck.report(None, "invalid-id",
                  f"tên tệp '{event_id}' không dùng được làm mã sự kiện: chỉ gồm chữ thường không dấu, chữ số "
                  f"và dấu '-' đơn, dài 3 đến 80 ký tự; hãy đổi tên tệp thành '{better}.yaml'",
                  f"the file name '{event_id}' is not a valid id (3-80 of a-z, 0-9, single hyphens); "
                  f"rename it to '{better}.yaml'")


def _drop_duplicates(events, files, root: Path, problems: list[Problem]) -> list[model.Event]:
    by_id: dict[str, list[Path]] = defaultdict(list)
    for file, _, _ in files:
        by_id[event_id_of(file.name).lower()].append(file)
    clashes = {key: paths for key, paths in by_id.items() if len(paths) > 1}
    for paths in clashes.values():
        for file in paths:
            others = ", ".join(display(other) for other in paths if other != file)
            problems.append(Problem(
                display(file), 1, 1, "duplicate-id",
                f"mã sự kiện '{event_id_of(file.name)}' trùng với tệp {others}; mỗi sự kiện cần một tên tệp riêng "
                "(thêm năm hoặc địa danh vào tên)",
                f"the event id '{event_id_of(file.name)}' is also used by {others}; give each event its own file name",
            ))
    return [event for event in events if event.id.lower() not in clashes]
