package org.qipflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes calendar entries as iCalendar (RFC 5545): whole-day entries as {@code DATE} values, moments
 * in Europe/London with {@code TZID} and the zone's {@code VTIMEZONE}, each with its UID, SEQUENCE,
 * LAST-MODIFIED and STATUS. Feeds use LAST-MODIFIED as DTSTAMP, so the same entries give the same bytes.
 */
@Component
class IcsWriter {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How often subscribed calendars should fetch the feed again. */
    static final Duration REFRESH = Duration.ofHours(6);
    /** How long a deadline or other moment lasts in calendars, which show an entry without an end oddly. */
    static final Duration MOMENT = Duration.ofMinutes(30);
    private static final String PRODUCT = "-//qipflow//Programme calendar//EN";

    /** The zone's current rules only (since 1996), as calendar programs expect, not its whole history. */
    private final VTimeZone london = load("calendar/europe-london.vtimezone.ics");

    /** A feed to subscribe to: named, with a refresh interval. */
    String feed(String name, List<CalendarEntry> entries) {
        Calendar calendar = calendar();
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", LONDON.getId()));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        calendar.add(london); // always: a calendar needs a component, and a feed with no entries yet is still valid

        entries.forEach(entry -> calendar.add(event(entry, entry.lastModified())));
        return write(calendar);
    }

    /**
     * An invitation for one person (iTIP, RFC 5546): METHOD:REQUEST for a standing entry, CANCEL for
     * a cancelled one; the same UID with a higher SEQUENCE updates what their calendar has.
     */
    String invitation(CalendarEntry entry, String organiser, String attendee, String attendeeName, Instant now) {
        Calendar calendar = calendar();
        calendar.add(entry.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        addZoneIfTimed(calendar, List.of(entry));
        VEvent event = event(entry, now);
        Organizer from = new Organizer(URI.create("mailto:" + organiser));
        from.add(new Cn("Programme team"));
        event.add(from);
        // a deadline to note, not a meeting to answer: no reply is asked for
        Attendee to = new Attendee(URI.create("mailto:" + attendee));
        to.add(new Cn(attendeeName));
        to.add(Role.REQ_PARTICIPANT);
        to.add(Rsvp.FALSE);
        event.add(to);
        calendar.add(event);
        return write(calendar);
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    private void addZoneIfTimed(Calendar calendar, List<CalendarEntry> entries) {
        if (entries.stream().anyMatch(e -> !e.draft().allDay())) {
            calendar.add(london);
        }
    }

    private static VEvent event(CalendarEntry entry, Instant stamp) {
        EntryDraft draft = entry.draft();
        VEvent event = draft.allDay()
                ? new VEvent(draft.startDate(), draft.lastDate().plusDays(1), draft.summary())
                : new VEvent(draft.at().atZone(LONDON), draft.at().atZone(LONDON).plus(MOMENT), draft.summary());
        // a deadline or opening takes a moment, and never makes anyone look busy
        event.add(ImmutableTransp.TRANSPARENT);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(draft.uid()));
        event.add(new Sequence(entry.sequence()));
        event.add(new LastModified(entry.lastModified()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED
                : draft.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Description(draft.description()));
        event.add(new Url(URI.create(draft.url())));
        return event;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VTimeZone load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Optional<VTimeZone> zone = new CalendarBuilder().build(in).getComponent("VTIMEZONE");
            return zone.orElseThrow(() -> new IllegalStateException(resource + " has no VTIMEZONE"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new IllegalStateException(resource + " is not valid iCalendar: " + e.getMessage(), e);
        }
    }
}
