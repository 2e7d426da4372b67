"""Rules across event files: an event filed twice, and a new event that is
already over.  They read valid model events (not YAML), so they run after
the whole tree is loaded; a problem is placed at the line of the key it
is about (``title:``, ``start:``), which ``line_of`` finds in the file."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from ..model.event import Event
from ..model.occurrence import Occurrence
from ..model.problems import Problem
from ..model.repeats import occurrences
from . import severity
from .filecheck import fold

Where = Callable[[Event], str]  # an event's file as displayed
LineOf = Callable[[Event, str], int]  # the 1-based line of a top-level key in an event's file


def _first_line(event: Event, key: str) -> int:
    return 1


def first_occurrence(event: Event) -> Occurrence:
    return occurrences(event, until_year=event.start.year)[0]


def duplicate_events(events: Iterable[Event], where: Where, changed: set[str] | None = None,
                     line_of: LineOf = _first_line) -> list[Problem]:
    """``duplicate-event`` for events with the same title (without accents
    and case), first day and area.  Each file of a pair names the other;
    when ``changed`` (paths changed against a base revision) says one side
    is new or edited and the other is not, only the changed side is flagged:
    it is the copy."""
    same_day_and_area: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        same_day_and_area[(first_occurrence(event).first_day, event.location.area)].append(event)
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for (day, area), candidates in same_day_and_area.items():
        for event in candidates if len(candidates) > 1 else ():  # folding a title is the slow part
            groups[(fold(event.title), day, area)].append(event)
    problems = []
    for group in groups.values():
        if len(group) < 2:
            continue
        flagged = group
        if changed is not None:
            edited = [e for e in group if e.path in changed]
            if edited and len(edited) < len(group):
                flagged = edited
        for event in flagged:
            others = ", ".join(where(other) for other in group if other is not event)
            day = first_occurrence(event).first_day.isoformat()
            problems.append(Problem(
                where(event), line_of(event, "title"), 1, "duplicate-event",
                f"sự kiện này trùng với {others} (cùng tên, cùng ngày bắt đầu {day} và cùng địa bàn): "
                "mọi lịch sẽ hiện sự kiện hai lần; nếu là cùng một sự kiện, hãy sửa tệp đã có thay vì tạo tệp mới",
                f"this event duplicates {others} (same title, first day {day} and area): every calendar "
                "would show it twice; edit the existing file instead of adding a copy",
                severity("duplicate-event"),
            ))
    return problems


def is_over(event: Event, now: dt.datetime) -> bool:
    """True when every occurrence has ended; a series without
    ``repeat_until`` never ends."""
    if event.repeat and event.repeat_until is None:
        return False
    last_year = max(event.start.year, event.repeat_until or 0)
    return all(o.is_over(now) for o in occurrences(event, until_year=last_year))


def new_events_in_past(events: Iterable[Event], where: Where, new: set[str], now: dt.datetime,
                       line_of: LineOf = _first_line) -> list[Problem]:
    """``new-event-in-past`` for files new against the base revision whose
    every occurrence has ended (a wrong year, most often)."""
    problems = []
    for event in events:
        if event.path not in new or not is_over(event, now):
            continue
        day = first_occurrence(event).first_day
        problems.append(Problem(
            where(event), line_of(event, "start"), 1, "new-event-in-past",
            f"sự kiện mới này đã kết thúc (bắt đầu {day.isoformat()}, trước hôm nay {now.date().isoformat()}): "
            "hãy kiểm tra lại năm của 'start' và 'end'; nếu đúng là sự kiện đã qua, có thể bỏ qua cảnh báo này",
            f"this new event is already over (it began on {day.isoformat()}, before today "
            f"{now.date().isoformat()}): check the year of 'start' and 'end'",
            severity("new-event-in-past"),
        ))
    return problems
