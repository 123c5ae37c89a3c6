-- An email that announces a deadline carries the calendar invitation for it (iCalendar text, METHOD
-- REQUEST or CANCEL), attached when the relay sends it.
alter table outbox_message add column invitation text;
