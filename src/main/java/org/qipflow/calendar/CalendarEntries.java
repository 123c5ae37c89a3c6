package org.qipflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.PublicAddress;
import org.qipflow.programmes.Cycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps calendar entries in line with the model: features say what a cycle's (or an organisation's)
 * entries should be, and this works out which are new, which changed (SEQUENCE + 1) and which went
 * (CANCELLED), so every feed and invitation describes the same revision.
 */
@Service
public class CalendarEntries {

    private final CalendarEntryRepository repository;
    private final IcsWriter ics;
    private final Clock clock;
    private final PublicAddress address;
    private final Period keepCancelled;
    private final Map<Feed, Rendered> rendered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Feed, Rendered> eldest) {
            return size() > RENDERED_FEEDS;
        }
    });

    /** How many feeds' renderings are kept: every programme's and the most recently read organisations'. */
    private static final int RENDERED_FEEDS = 200;

    private record Rendered(FeedVersion version, String text) {
    }

    CalendarEntries(CalendarEntryRepository repository, IcsWriter ics, Clock clock,
            PublicAddress address, @Value("${qipflow.calendar.keep-cancelled:P90D}") Period keepCancelled) {
        this.repository = repository;
        this.ics = ics;
        this.clock = clock;
        this.address = address;
        this.keepCancelled = keepCancelled;
    }

    private static final String PROPOSED = "next-";

    /** A stable UID: the same cycle, organisation and kind of entry always get the same one. */
    public String uid(long cycleId, String organisationCode, String kind) {
        return prefix(cycleId, organisationCode) + kind + "@" + address.host();
    }

    private static String prefix(long cycleId, String organisationCode) {
        return "cycle-" + cycleId + (organisationCode == null ? "" : "-" + organisationCode) + "-";
    }

    /** An address in the application, for an entry's URL. */
    public String link(String path) {
        return address.of(path);
    }

    /** A stable UID for an entry of the round proposed to follow this cycle. */
    public String proposedUid(long cycleId, String kind) {
        return uid(cycleId, null, PROPOSED + kind);
    }

    /**
     * Makes the entries of a cycle (public when {@code organisationCode} is null, else that
     * organisation's own) say what the drafts say.
     *
     * @return the entries that are new, changed or cancelled, as they now stand
     */
    @Transactional
    public List<CalendarEntry> reconcile(Cycle cycle, String organisationCode, List<EntryDraft> drafts) {
        return reconcile(cycle, organisationCode, drafts, false);
    }

    /**
     * Makes the public entries of the round proposed to follow this cycle (see {@link #proposedUid})
     * say what the drafts say: none once that round is scheduled or the programme closed.
     */
    @Transactional
    public List<CalendarEntry> reconcileProposed(Cycle cycle, List<EntryDraft> drafts) {
        return reconcile(cycle, null, drafts, true);
    }

    private List<CalendarEntry> reconcile(Cycle cycle, String organisationCode, List<EntryDraft> drafts,
            boolean proposed) {
        Instant now = clock.instant();
        Map<String, CalendarEntry> published = new LinkedHashMap<>();
        repository.ofCycle(cycle.id(), organisationCode).stream()
                .filter(e -> e.uid().startsWith(prefix(cycle.id(), organisationCode) + PROPOSED) == proposed)
                .forEach(e -> published.put(e.uid(), e));
        List<String> changed = new ArrayList<>();
        for (EntryDraft draft : drafts) {
            CalendarEntry entry = published.remove(draft.uid());
            if (entry == null) {
                repository.insert(cycle.id(), cycle.programmeCode(), organisationCode, draft, now);
                changed.add(draft.uid());
            } else if (entry.cancelled() || !entry.draft().equals(draft)) {
                repository.revise(entry, draft, now);
                changed.add(draft.uid());
            }
        }
        for (CalendarEntry gone : published.values()) {
            if (!gone.cancelled()) {
                repository.cancel(gone, now);
                changed.add(gone.uid());
            }
        }
        return changed.stream().map(uid -> repository.find(uid).orElseThrow()).toList();
    }

    /** Whether the cycle has entries yet (public when {@code organisationCode} is null). */
    @Transactional(readOnly = true)
    public boolean hasEntries(long cycleId, String organisationCode) {
        return !repository.ofCycle(cycleId, organisationCode).isEmpty();
    }

    @Transactional(readOnly = true)
    public Optional<CalendarEntry> find(String uid) {
        return repository.find(uid);
    }

    /** The entry as an email attachment for one person: a request, or a cancellation once cancelled. */
    public String invitation(CalendarEntry entry, String organiser, String attendee, String attendeeName) {
        return ics.invitation(entry, organiser, attendee, attendeeName, clock.instant());
    }

    /** What a feed holds now: its entries, and a version that changes whenever they do. */
    @Transactional(readOnly = true)
    FeedVersion version(Feed feed) {
        return repository.version(feed, keptSince());
    }

    /**
     * The feed's text for this version. Subscribers poll the same feeds over and over, so the last
     * rendering of each feed is kept and served again while its version stands.
     */
    @Transactional(readOnly = true)
    String ics(Feed feed, FeedVersion version) {
        Rendered cached = rendered.get(feed);
        if (cached != null && cached.version().equals(version)) {
            return cached.text();
        }
        String text = render(feed); // outside the map's lock: one slow feed must not hold up the others
        rendered.put(feed, new Rendered(version, text));
        return text;
    }

    private String render(Feed feed) {
        return ics.feed(feed.name(), repository.inFeed(feed, keptSince()));
    }


    private Instant keptSince() {
        return clock.instant().atZone(IcsWriter.LONDON).minus(keepCancelled).toInstant();
    }
}
