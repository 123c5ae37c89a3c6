"""What Python's own email parser and the icalendar package, readers independent of Jakarta Mail and
iCal4j, see in a message as sent (its headers, the tree of its parts, any calendar it carries), or
in a calendar feed (a file named .ics). Prints JSON."""
import email
import hashlib
import email.policy
import json
import sys

import icalendar


def calendar(text):
    cal = icalendar.Calendar.from_ical(text)
    events = []
    for event in cal.walk("VEVENT"):
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees] if attendees else []
        events.append({
            "uid": str(event.get("UID")),
            "summary": str(event.get("SUMMARY")),
            "start": event.decoded("DTSTART").isoformat(),
            "end": event.decoded("DTEND").isoformat() if event.get("DTEND") else None,
            "transp": str(event.get("TRANSP")) if event.get("TRANSP") else None,
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS")) if event.get("STATUS") else None,
            "attendees": [{"address": str(a), "rsvp": a.params.get("RSVP"), "name": a.params.get("CN")}
                          for a in attendees],
        })
    return {"method": str(cal.get("METHOD")) if cal.get("METHOD") else None, "events": events}


def part(node):
    entry = {"type": node.get_content_type(), "params": dict(node.get_params() or [])}
    if node.is_multipart():
        entry["parts"] = [part(p) for p in node.iter_parts()]
    elif node.get_content_type() == "text/calendar" or node.get_filename():
        entry["filename"] = node.get_filename()
        entry["sha256"] = hashlib.sha256(node.get_payload(decode=True)).hexdigest()
        if node.get_content_type() in ("text/calendar", "application/ics"):
            entry["calendar"] = calendar(node.get_payload(decode=True))
    elif node.get_content_type() == "text/plain":
        entry["text"] = node.get_content()
    return entry


if sys.argv[1].endswith(".ics"):
    with open(sys.argv[1], "rb") as f:
        print(json.dumps(calendar(f.read())))
else:
    with open(sys.argv[1], "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    print(json.dumps({
        "subject": str(message["Subject"]),
        "replyTo": str(message["Reply-To"]),
        "autoSubmitted": str(message["Auto-Submitted"]),
        "body": part(message),
    }))
