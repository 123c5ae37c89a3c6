package org.qipflow.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.qipflow.calendar.CalendarFeeds;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An organisation's own deadline and tasks: in its private feed, and as invitations that follow every change. */
@QipflowTest
class ParticipantCalendarTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    CoordinatorFollowUp followUp;
    @Autowired
    LeadActions leadActions;
    @Autowired
    CalendarFeeds feeds;

    @Test
    void theDeadlineInvitationIsUpdatedByAnExtensionAndCancelledWhenTheOrganisationDeclines() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2031, 3, 3, 9));
        String taking = fixture.confirmedMember(cycle.id(), "England", "T01");
        String declining = fixture.member("Wales");
        participation.join(cycle.id(), declining);
        fixture.fire(fixture.participation(cycle.id(), declining), "Timer_MaterialsDispatch");

        String invited = invitation(cycle, declining, "audit-materials");
        assertThat(invited).contains("METHOD:REQUEST", "SEQUENCE:0", "STATUS:CONFIRMED",
                "UID:cycle-" + cycle.id() + "-" + declining + "-deadline@localhost");
        assertThat(summaries(feedOf(declining))).contains("To do: confirm whether you take part in " + cycle.title(),
                cycle.title() + ": your submission deadline", cycle.title() + ": data collection");

        leadActions.confirm(cycle.id(), declining, false, List.of());

        String cancelled = invitation(cycle, declining, "participation-declined");
        assertThat(cancelled).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1",
                "UID:cycle-" + cycle.id() + "-" + declining + "-deadline@localhost");
        assertThat(feedOf(declining)).as("kept a while as cancelled, so subscribed calendars drop it")
                .contains("STATUS:CANCELLED").doesNotContain("STATUS:CONFIRMED");

        followUp.extendDeadline(cycle.id(), taking, AuditProcessFixture.uk(2031, 5, 9, 17));
        String extended = fixture.mails(cycle.id(), taking).stream()
                .filter(m -> m.template().equals("deadline-changed") && m.invitation() != null)
                .map(OutboxMessage::invitation).findFirst().orElseThrow();
        assertThat(extended).contains("METHOD:REQUEST", "SEQUENCE:1",
                "DTSTART;TZID=Europe/London:20310509T170000");          // Friday 9 May 2031, BST
        Calendar calendar = new CalendarBuilder().build(new StringReader(feedOf(taking)));
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getSummary().getValue() + " "
                        + e.getProperty("STATUS").orElseThrow().getValue())
                .contains(cycle.title() + ": your submission deadline CONFIRMED",
                        cycle.title() + ": submission deadline CONFIRMED",
                        "To do: confirm whether you take part in " + cycle.title() + " CANCELLED"); // confirmed: done

        String everyone = mvc.perform(get("/calendar/programme.ics")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(everyone).as("the public calendar names no organisation").contains(cycle.title())
                .doesNotContain(taking).doesNotContain(declining).doesNotContain("your submission deadline")
                .doesNotContain("To do:");
    }

    /** Summaries of a feed's events, read back by iCal4j (long lines are folded in the text). */
    private static List<String> summaries(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getSummary().getValue()).toList();
    }

    private String invitation(Cycle cycle, String organisation, String template) {
        return fixture.mails(cycle.id(), organisation).stream().filter(m -> m.template().equals(template))
                .map(OutboxMessage::invitation).findFirst().orElseThrow();
    }

    private String feedOf(String organisation) throws Exception {
        return mvc.perform(get(feeds.issue(organisation, "test"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
