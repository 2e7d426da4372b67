"""Run by the system Python (python3-gi, gir1.2-ical-3.0): prints, as JSON,
the UTC instant libical gives each VEVENT's DTSTART in the .ics files named
on the command line, through the file's own VTIMEZONE."""

import json
import sys
from pathlib import Path

import gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I

out = []
for path in sys.argv[1:]:
    cal = I.Component.new_from_string(Path(path).read_text(encoding="utf-8"))
    event = cal.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        start = event.get_dtstart()
        prop = event.get_first_property(I.PropertyKind.DTSTART_PROPERTY)
        param = prop.get_first_parameter(I.ParameterKind.TZID_PARAMETER)
        zone = cal.get_timezone(param.get_tzid()) if param is not None else None
        out.append({"uid": event.get_uid(), "unix": start.as_timet_with_zone(zone) if zone else start.as_timet()})
        event = cal.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
print(json.dumps(out))
