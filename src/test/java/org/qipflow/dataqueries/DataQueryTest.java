package org.qipflow.dataqueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A coordinator's question about the data reaches the lead by link and is answered there. */
@QipflowTest
class DataQueryTest {

    static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    RecordService records;

    Cycle cycle;
    String org;
    String page;

    @BeforeEach
    void anOrganisationWithARecord() {
        cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        org = fixture.confirmedMember(cycle.id(), "Wales", "T01");
        fixture.addRecord(cycle.id(), org, "T01", "P001");
        page = "/cycles/" + cycle.id() + "/organisations/" + org;
    }

    @Test
    void aQuestionIsAskedAnsweredAndShownWithTheRecordsChecks() throws Exception {
        mvc.perform(get(page).with(COORDINATOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Records and their checks (1)"),
                        containsString("P001"), containsString("None asked yet"), containsString("Added"))));
        mvc.perform(post(page + "/queries").with(COORDINATOR).with(csrf()).param("question", " "))
                .andExpect(content().string(containsString("href=\"#question\"")));
        long recordId = records.list(cycle.id(), org).get(0).id();
        mvc.perform(post(page + "/queries").with(COORDINATOR).with(csrf()).param("recordId", String.valueOf(recordId))
                        .param("question", "Was the lithium level really taken in the past 3 months?"))
                .andExpect(redirectedUrl(page));

        OutboxMessage email = fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("data-query"))
                .findFirst().orElseThrow();
        assertThat(email.textBody()).contains("record T01 / P001", "past 3 months");
        String link = email.textBody().lines().filter(l -> l.contains("/tasks/")).findFirst().orElseThrow().trim();
        String path = link.substring(link.indexOf("/tasks/"));

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Was the lithium level really taken")));
        mvc.perform(post(path + "/answer").with(csrf()).param("answer", "Patient 943 476 5919 was tested"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("looks like an NHS, CHI")));
        for (String[] pasted : new String[][] {{"Tested; DOB 12/03/1980", "date of birth", "1980"},
                {"Ask jo.bloggs@nhs.net", "email address", "bloggs"}, {"Ring 07700 900123", "phone number", "900123"},
                {"Patient 010101-1237", "CHI", "1237"}}) {
            String refused = mvc.perform(post(path + "/answer").with(csrf()).param("answer", pasted[0]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            // the message names the field and never repeats the value; the draft stays in its box to be mended
            String message = refused.replaceAll("(?s).*id=\"answer-error\"[^>]*>(.*?)</p>.*", "$1");
            assertThat(message).contains("The text looks like", pasted[1]).doesNotContain(pasted[2]);
            assertThat(refused.replaceAll("(?s)<textarea.*?</textarea>", "")).doesNotContain(pasted[2]);
        }
        mvc.perform(post(path + "/answer").with(csrf()).param("answer", "Yes, on the ward; the result was late."))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Answered")));

        mvc.perform(get(path)).andExpect(status().isGone());
        assertThat(fixture.mails(cycle.id(), org)).extracting(OutboxMessage::template).contains("data-query-answered");
        mvc.perform(get(page).with(COORDINATOR))
                .andExpect(content().string(containsString("Yes, on the ward; the result was late.")));
    }
}
