package org.qipflow.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.qipflow.common.NotFoundException;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * iCalendar feeds for calendar programs to subscribe to. Each answers conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}) with 304 until an entry changes, so frequent
 * polling by thousands of subscribers costs a query, not a rendering.
 */
@RestController
class FeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarEntries entries;
    private final CalendarFeeds feeds;
    private final ProgrammeService programmes;
    private final OrganisationService organisations;

    FeedController(CalendarEntries entries, CalendarFeeds feeds, ProgrammeService programmes,
            OrganisationService organisations) {
        this.entries = entries;
        this.feeds = feeds;
        this.programmes = programmes;
        this.organisations = organisations;
    }

    @GetMapping("/calendar/programme.ics")
    ResponseEntity<String> everyProgramme(WebRequest request) {
        return serve(Feed.everyProgramme(), "programme.ics", CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic(),
                request);
    }

    @GetMapping("/calendar/programmes/{code}.ics")
    ResponseEntity<String> programme(@PathVariable String code, WebRequest request) {
        Programme programme = programmes.get(code);
        return serve(Feed.programme(programme.code(), programme.title()), programme.code() + ".ics",
                CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic(), request);
    }

    /** An unknown or revoked token is simply not found: the answer says nothing about which organisation. */
    @GetMapping("/calendar/feeds/{token}.ics")
    ResponseEntity<String> organisation(@PathVariable String token, WebRequest request) {
        String code = feeds.organisationOf(token)
                .orElseThrow(() -> new NotFoundException("No calendar at this address. Ask for a new link."));
        return serve(Feed.organisation(code, organisations.get(code).name()), "audit-calendar.ics",
                CacheControl.noCache().cachePrivate(), request);
    }

    private ResponseEntity<String> serve(Feed feed, String fileName, CacheControl cache, WebRequest request) {
        FeedVersion version = entries.version(feed);
        if (request.checkNotModified(version.etag(), version.lastModifiedMillis())) {
            return null; // 304 with ETag and Last-Modified, already set
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(CALENDAR).cacheControl(cache)
                .eTag(version.etag())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"");
        if (version.lastModifiedMillis() >= 0) {
            response.lastModified(version.lastModifiedMillis());
        }
        return response.body(entries.ics(feed, version));
    }
}
