// Reads the .ics files named on the command line with ical.js (the parser
// of Thunderbird) and prints what it understood as JSON, one entry per file.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function describe(path) {
  const text = readFileSync(path, "utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const span = event.endDate.subtractDate(event.startDate);
    return {
      uid: event.uid,
      summary: event.summary,
      status: component.getFirstPropertyValue("status"),
      sequence: event.sequence,
      allDay: event.startDate.isDate,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      tzid: event.startDate.isDate ? null : event.startDate.zone.tzid,
      startUnix: event.startDate.toUnixTime(),
      days: span.toSeconds() / 86400,
    };
  });
  return {
    file: path,
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    events,
  };
}

const result = process.argv.slice(2).map((path) => {
  try {
    return describe(path);
  } catch (error) {
    return { file: path, error: String(error) };
  }
});
process.stdout.write(JSON.stringify(result));
