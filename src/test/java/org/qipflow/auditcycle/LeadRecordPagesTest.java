package org.qipflow.auditcycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** A local lead entering, correcting, uploading and deleting records from the submission link. */
@QipflowTest
class LeadRecordPagesTest {

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
    String submitPath;

    @BeforeEach
    void submissionIsOpen() {
        cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        org = fixture.confirmedMember(cycle.id(), "England", "T01, T02");
        fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
        String link = fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("submission-open"))
                .findFirst().orElseThrow().textBody().lines().filter(l -> l.contains("/tasks/")).findFirst()
                .orElseThrow().trim();
        submitPath = link.substring(link.indexOf("/tasks/"));
    }

    @Test
    void theFormFollowsTheDefinitionAndNamesEachProblem() throws Exception {
        mvc.perform(get(submitPath + "/records/new")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Most recent serum lithium level"),
                        containsString("Only if a level was measured in the past 3 months."), containsString("name=\"team\""))));

        mvc.perform(post(submitPath + "/records").with(csrf()).param("team", "T01").param("pseudonym", "SW1A 1AA")
                        .param("age", "200").param("lithiumStartedInLastYear", "no"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("govuk-error-summary"),
                        containsString("href=\"#pseudonym\""), containsString("postcode"),
                        containsString("href=\"#age\""), containsString("href=\"#serumLithiumLast3Months\""),
                        containsString("value=\"200\""))));
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }

    @Test
    void aRecordIsAddedCorrectedAndDeletedWithItsHistory() throws Exception {
        assertThat(followed(post(submitPath + "/records").with(csrf()).param("team", "T02").param("pseudonym", "p007")
                        .param("age", "48").param("lithiumStartedInLastYear", "no").param("serumLithiumLast3Months", "yes")
                        .param("lastLithiumLevel", "1.5").param("renalLast6Months", "yes")
                        .param("thyroidLast6Months", "no")))
                .contains("The record has been saved", "Records (1)", "above the usual range");
        long id = records.list(cycle.id(), org).get(0).id();

        mvc.perform(get(submitPath + "/records/" + id)).andExpect(content().string(allOf(
                containsString("value=\"1.5\""), containsString("Correct record T02 / P007"))));
        // a correction keeps the record's pseudonym, even if another is posted, and drops an answer no longer asked
        assertThat(followed(post(submitPath + "/records").with(csrf()).param("recordId", String.valueOf(id))
                        .param("pseudonym", "P008").param("age", "48").param("lithiumStartedInLastYear", "no")
                        .param("baselineRenal", "yes").param("serumLithiumLast3Months", "yes")
                        .param("lastLithiumLevel", "0.9").param("renalLast6Months", "yes").param("thyroidLast6Months", "yes")))
                .contains("The record has been saved").doesNotContain("above the usual range");
        assertThat(records.list(cycle.id(), org)).singleElement().satisfies(r -> {
            assertThat(r.pseudonym()).isEqualTo("P007");
            assertThat(r.answers()).containsEntry("lastLithiumLevel", "0.9").doesNotContainKey("baselineRenal");
        });
        assertThat(followed(post(submitPath + "/records/" + id + "/delete").with(csrf())))
                .contains("The record has been deleted", "Records (0)");

        assertThat(records.history(cycle.id(), org)).extracting(c -> c.action())
                .containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(records.history(cycle.id(), org).get(0).changedBy()).startsWith("local lead ").endsWith("(link)");
    }

    @Test
    void anUploadWithErrorsListsThemAndStoresNothing() throws Exception {
        String csv = RecordUploadTest.HEADER + "T01,P001,54,no,,,,maybe,,yes,yes\n";
        mvc.perform(multipart(submitPath + "/records/upload").file(new MockMultipartFile("file", "ours.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("ours.csv was not stored"),
                        containsString("Problems in the file"), containsString("is not yes or no"))));
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }

    @Test
    void submittingNeedsRecordsAndCorrectionsStayOpenAfterwards() throws Exception {
        mvc.perform(post(submitPath + "/submit").with(csrf()).param("declaration", "complete"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Add your organisation&#39;s records before submitting")));
        fixture.addRecord(cycle.id(), org, "T01", "P001");

        mvc.perform(post(submitPath + "/submit").with(csrf()).param("declaration", "complete"))
                .andExpect(content().string(containsString("Submitted")));
        mvc.perform(get(submitPath)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You can still correct records"),
                        not(containsString("Submit audit data</button>")))));
    }

    /** A change answered by a redirect back to the records (so a reload sends nothing again), then that page. */
    private String followed(RequestBuilder change) throws Exception {
        var redirect = mvc.perform(change).andExpect(status().isFound())
                .andExpect(redirectedUrl(submitPath + "#records")).andReturn();
        return mvc.perform(get(submitPath).flashAttrs(redirect.getFlashMap())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
