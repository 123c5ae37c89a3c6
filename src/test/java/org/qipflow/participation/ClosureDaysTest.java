package org.qipflow.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.Milestone;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.qipflow.workingdays.ClosureDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A closure day moves the deadlines on it, with their reminders, calendar entries and an email; removing it moves them back. */
@QipflowTest
class ClosureDaysTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    ClosureDays closures;

    @Test
    void aClosureDayOnTheDeadlineMovesItToTheNextWorkingDayAndBack() throws Exception {
        // submission closes on Friday 8 August 2036 at 17:00
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2036, 5, 5, 9),
                Map.of(Milestone.SUBMISSION_CLOSES, AuditProcessFixture.uk(2036, 8, 8, 17)));
        String org = fixture.confirmedMember(cycle.id(), "Scotland", "T01");
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
        assertThat(participation.deadline(cycle.id(), org)).isEqualTo(Instant.parse("2036-08-08T16:00:00Z"));

        mvc.perform(post("/working-days").with(csrf()).with(user("coordinator").roles("COORDINATOR"))
                        .param("date", "2036-08-08").param("nation", "").param("name", "Summer closure"))
                .andExpect(redirectedUrl("/working-days"));
        closures.add("2036-08-08", "", "Summer closure", "test");                    // the same day again: one day

        // the weekend follows, so Monday 11 August
        assertThat(participation.deadline(cycle.id(), org)).isEqualTo(Instant.parse("2036-08-11T16:00:00Z"));
        assertThat(closures.list()).filteredOn(c -> c.date().toString().equals("2036-08-08")).hasSize(1);
        assertThat(fixture.timer(fixture.participation(cycle.id(), org), "Timer_SubmissionDeadline").getDuedate().toInstant())
                .isEqualTo(Instant.parse("2036-08-11T16:00:00Z"));
        List<String> invitations = fixture.mails(cycle.id(), org).stream()
                .filter(m -> m.template().equals("deadline-changed")).map(OutboxMessage::invitation).toList();
        assertThat(invitations).singleElement().satisfies(ics -> assertThat(ics)
                .contains("SEQUENCE:1", "DTSTART;TZID=Europe/London:20360811T170000"));
        assertThat(fixture.mails(cycle.id(), org)).filteredOn(m -> m.template().equals("deadline-changed"))
                .extracting(OutboxMessage::subject).singleElement().asString()
                .startsWith("New deadline Mon 11 Aug 2036 17:00: ");

        closures.remove(closures.list().stream().filter(c -> c.date().toString().equals("2036-08-08"))
                .findFirst().orElseThrow().id());
        assertThat(participation.deadline(cycle.id(), org)).isEqualTo(Instant.parse("2036-08-08T16:00:00Z"));
        assertThat(fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("deadline-changed")))
                .hasSize(2).anySatisfy(m -> assertThat(m.invitation()).contains("SEQUENCE:2", "20360808T170000"));
    }

    @Test
    void aClosureDayIsCheckedFieldByField() throws Exception {
        String page = mvc.perform(post("/working-days").with(csrf()).with(user("coordinator").roles("COORDINATOR"))
                        .param("date", "29/12/2036").param("nation", "MARS").param("name", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Enter the day as YYYY-MM-DD", "Choose a nation, or all nations",
                "Say why the day is closed", "href=\"#date\"");
    }
}
