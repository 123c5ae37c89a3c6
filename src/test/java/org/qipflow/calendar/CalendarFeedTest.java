package org.qipflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.qipflow.common.UkTime;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The feeds read back with iCal4j: valid RFC 5545, stable UIDs, growing SEQUENCE, Europe/London times, HTTP caching. */
@QipflowTest
class CalendarFeedTest {

    private static final AtomicInteger PROGRAMMES = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    OrganisationService organisations;

    static ZonedDateTime uk(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(UkTime.ZONE);
    }

    private String programme() {
        String code = "QIP-CAL" + PROGRAMMES.incrementAndGet();
        programmes.create(code, "Calendar checks", "lithium-monitoring");
        return code;
    }

    @Test
    void everyMilestoneIsAnEventWithTimesInLondonAcrossTheClockChanges() throws Exception {
        String code = programme();
        // deadlines on the Monday after the clocks go forward (BST) and after they go back (GMT)
        Cycle spring = cycles.schedule(code, CycleKind.BASELINE, uk(2031, 1, 13, 9),
                Map.of(Milestone.SUBMISSION_CLOSES, uk(2031, 3, 31, 17)));
        Cycle autumn = cycles.schedule(code, CycleKind.REAUDIT, uk(2031, 8, 4, 9),
                Map.of(Milestone.SUBMISSION_CLOSES, uk(2031, 10, 27, 17)));

        String body = feed("/calendar/programmes/" + code + ".ics").getContentAsString(StandardCharsets.UTF_8);
        Calendar calendar = parse(body);

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(body).contains("X-WR-CALNAME:" + code + " Calendar checks", "NAME:" + code + " Calendar checks",
                "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H", "BEGIN:VTIMEZONE\r\nTZID:Europe/London")
                .doesNotContain("TZURL");                                         // nothing points to the network
        // five entries per round; three tentative ones for the round proposed after the re-audit; the three
        // proposed after the baseline gave way to the re-audit and stay cancelled for a while
        assertThat(calendar.getComponents("VEVENT")).hasSize(16);
        var other = OtherReaders.calendar(body).get("events");
        assertThat(other).hasSize(16);
        assertThat(other.findValues("status").stream().map(s -> s.asText()).toList())
                .containsOnly("CONFIRMED", "TENTATIVE", "CANCELLED");
        for (var event : other) {
            String uid = event.get("uid").asText();
            String expected = uid.startsWith("cycle-" + autumn.id() + "-next-") ? "TENTATIVE"
                    : uid.startsWith("cycle-" + spring.id() + "-next-") ? "CANCELLED" : "CONFIRMED";
            assertThat(event.get("status").asText()).as(uid).isEqualTo(expected);
        }
        VEvent proposed = event(calendar, "cycle-" + autumn.id() + "-next-collection@localhost");
        assertThat(proposed.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo(code + " Calendar checks: next round (proposed): data collection");
        assertThat(body).contains("DTSTART;TZID=Europe/London:20310331T170000",
                "DTSTART;TZID=Europe/London:20311027T170000");
        assertThat(start(calendar, deadline(spring))).isEqualTo(Instant.parse("2031-03-31T16:00:00Z")); // BST
        assertThat(start(calendar, deadline(autumn))).isEqualTo(Instant.parse("2031-10-27T17:00:00Z")); // GMT
        VEvent collection = event(calendar, "cycle-" + spring.id() + "-collection@localhost");
        assertThat(collection.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20310113");
        assertThat(collection.getProperty("DTEND").orElseThrow().getValue()).as("the day after the last day")
                .isEqualTo("20310211");
        assertThat(body).contains("DTSTART;VALUE=DATE:20310113");
        assertThat(event(calendar, deadline(spring)).getProperty("URL").orElseThrow().getValue())
                .isEqualTo("http://localhost:" + port + "/calendar");

        Calendar everyProgramme = parse(feed("/calendar/programme.ics").getContentAsString(StandardCharsets.UTF_8));
        assertThat(everyProgramme.validate().hasErrors()).as(everyProgramme.validate().toString()).isFalse();
        assertThat(event(everyProgramme, deadline(autumn)).getProperty("DTSTART").orElseThrow().getValue())
                .isEqualTo("20311027T170000");
    }

    @Test
    void aRescheduledMilestoneKeepsItsUidWithAHigherSequenceAndTheFeedAnswers304UntilThen() throws Exception {
        String code = programme();
        Cycle cycle = cycles.schedule(code, CycleKind.BASELINE, uk(2032, 3, 1, 9), Map.of());
        String path = "/calendar/programmes/" + code + ".ics";
        MockHttpServletResponse first = feed(path);
        String etag = first.getHeader(HttpHeaders.ETAG);
        String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(sequence(parse(first.getContentAsString()), deadline(cycle))).isZero();

        mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag));
        mvc.perform(get(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).andExpect(status().isNotModified());

        Thread.sleep(1000); // Last-Modified has whole seconds
        cycles.reschedule(cycle.id(), Map.of(Milestone.SUBMISSION_CLOSES,
                cycle.milestones().get(Milestone.SUBMISSION_CLOSES).plusDays(7)));

        mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isOk());
        mvc.perform(get(path).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).andExpect(status().isOk());
        Calendar after = parse(feed(path).getContentAsString());
        assertThat(sequence(after, deadline(cycle))).isEqualTo(1);
        assertThat(sequence(after, "cycle-" + cycle.id() + "-materials@localhost")).as("unchanged").isZero();
        assertThat(uids(after)).as("the same UIDs").containsExactlyInAnyOrderElementsOf(
                uids(parse(first.getContentAsString())));
    }

    @Test
    void aRevokedPrivateFeedIsNotFoundAndSaysNothingAboutWhoseItWas() throws Exception {
        String org = "CALF" + PROGRAMMES.incrementAndGet();
        organisations.create(new OrganisationInput(org, "Feed Test Trust " + org, "England", "NHS trust", "Lead",
                "lead." + org.toLowerCase() + "@nhs.example", "Pharmacist", "2030-12-31"));
        String path = feeds.issue(org, "coordinator");

        String body = feed(path).getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("X-WR-CALNAME:Feed Test Trust " + org + ": audit calendar");
        assertThat(parse(body).validate().hasErrors()).isFalse();

        String flash = mvc.perform(post("/organisations/" + org + "/calendar-feed").with(csrf())
                        .with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("flash").toString();
        assertThat(flash).contains("http://localhost:" + port + "/calendar/feeds/");
        String renewed = flash.substring(flash.indexOf("/calendar/feeds/"));
        String gone = mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
        assertThat(gone).doesNotContain(org).doesNotContain("Feed Test Trust");
        mvc.perform(get(renewed)).andExpect(status().isOk());
        mvc.perform(get("/calendar/feeds/not-a-token.ics")).andExpect(status().isNotFound());
    }

    @Test
    void aNewLocalLeadEndsThePrivateFeedAddress() throws Exception {
        String org = "CALL" + PROGRAMMES.incrementAndGet();
        organisations.create(new OrganisationInput(org, "Lead Change Trust", "England", "NHS trust", "Old Lead",
                "old." + org.toLowerCase() + "@nhs.example", "Pharmacist", "2030-12-31"));
        String path = feeds.issue(org, "old." + org.toLowerCase() + "@nhs.example");
        mvc.perform(get(path)).andExpect(status().isOk());

        organisations.update(org, new OrganisationInput(org, "Lead Change Trust", "England", "NHS trust",
                "Old Lead", "old." + org.toLowerCase() + "@nhs.example", "Chief Pharmacist", "2030-12-31"), null);
        mvc.perform(get(path)).andExpect(status().isOk()); // the same lead, a new job title

        organisations.update(org, new OrganisationInput(org, "Lead Change Trust", "England", "NHS trust",
                "New Lead", "new." + org.toLowerCase() + "@nhs.example", "Pharmacist", "2030-12-31"), null);
        mvc.perform(get(path)).andExpect(status().isNotFound());
        assertThat(feeds.hasFeed(org)).isFalse();
    }

    @Test
    void timeZonesComeFromTheBundledDefinitionsNeverTheNetwork() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
    }

    @Test
    void thePageOffersWebcalLinksAndGuidance() throws Exception {
        String code = programme();
        String page = mvc.perform(get("/calendar")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("webcal://localhost:" + port + "/calendar/programme.ics",
                "webcal://localhost:" + port + "/calendar/programmes/" + code + ".ics", "Google Calendar", "Outlook");
    }

    private MockHttpServletResponse feed(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/calendar;charset=UTF-8"))
                .andReturn().getResponse();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty("UID").orElseThrow().getValue()).toList();
    }

    static String deadline(Cycle cycle) {
        return "cycle-" + cycle.id() + "-deadline@localhost";
    }

    static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID").orElseThrow().getValue().equals(uid)).findFirst().orElseThrow();
    }

    static Instant start(Calendar calendar, String uid) {
        DtStart<Temporal> start = event(calendar, uid).getProperty("DTSTART").map(p -> (DtStart<Temporal>) p)
                .orElseThrow();
        return Instant.from(start.getDate());
    }

    static int sequence(Calendar calendar, String uid) {
        return Integer.parseInt(event(calendar, uid).getProperty("SEQUENCE").orElseThrow().getValue());
    }

}
