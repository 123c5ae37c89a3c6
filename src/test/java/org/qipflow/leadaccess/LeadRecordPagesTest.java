package org.qipflow.leadaccess;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.participation.ParticipantStatus;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
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

    /** A number is typed on a phone's number pad, and the field at fault is read out with its hint and message. */
    @Test
    void aGeneratedNumberFieldOpensTheNumberPadAndNamesItsProblem() throws Exception {
        String page = mvc.perform(post(submitPath + "/records").with(csrf()).param("team", "T01")
                        .param("pseudonym", "P001").param("age", "200").param("lithiumStartedInLastYear", "no"))
                .andReturn().getResponse().getContentAsString();
        int at = page.indexOf("id=\"age\"");
        String age = page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
        assertThat(age).contains("class=\"govuk-input govuk-input--width-10 govuk-input--error\"", "type=\"text\"",
                "inputmode=\"numeric\"", "aria-describedby=\"age-hint age-error\"");
        assertThat(page).contains("id=\"age-error\" class=\"govuk-error-message\"");
    }

    /** A yes/no question is one fieldset read out with its hint and message; the answers given stay chosen. */
    @Test
    void aGeneratedYesNoQuestionNamesItsProblemAndTheAnswersGivenStayChosen() throws Exception {
        String page = mvc.perform(post(submitPath + "/records").with(csrf()).param("team", "T02")
                        .param("pseudonym", "P001").param("age", "200").param("lithiumStartedInLastYear", "no"))
                .andReturn().getResponse().getContentAsString();
        int at = page.indexOf("id=\"serumLithiumLast3Months-error\"");
        String question = page.substring(page.lastIndexOf("<fieldset", at), page.indexOf("</fieldset>", at));
        assertThat(question).contains(
                "aria-describedby=\"serumLithiumLast3Months-hint serumLithiumLast3Months-error\"",
                "govuk-radios govuk-radios--small govuk-radios--inline", "value=\"yes\"", "value=\"no\"");
        assertThat(input(page, "lithiumStartedInLastYear-2")).contains("value=\"no\"", "checked");
        assertThat(input(page, "lithiumStartedInLastYear")).doesNotContain("checked");
        assertThat(input(page, "team-2")).contains("value=\"T02\"", "checked");
    }

    private static String input(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        return page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
    }

    @Test
    void anotherOrganisationsRecordCannotBeReadChangedOrDeletedThroughThisLink() throws Exception {
        String other = fixture.confirmedMember(cycle.id(), "Wales", "T01");
        fixture.addRecord(cycle.id(), other, "T01", "W042");
        var theirs = records.list(cycle.id(), other).get(0);

        mvc.perform(get(submitPath + "/records/" + theirs.id())).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("W042"))));
        mvc.perform(post(submitPath + "/records").with(csrf()).param("recordId", String.valueOf(theirs.id()))
                .param("team", "T01").param("pseudonym", "W042").param("age", "99")
                .param("lithiumStartedInLastYear", "no").param("serumLithiumLast3Months", "no")
                .param("renalLast6Months", "no").param("thyroidLast6Months", "no"));
        mvc.perform(post(submitPath + "/records/" + theirs.id() + "/delete").with(csrf()));

        assertThat(records.list(cycle.id(), other)).singleElement().satisfies(r -> {
            assertThat(r.answers()).isEqualTo(theirs.answers());
            assertThat(r.pseudonym()).isEqualTo("W042");
        });
        assertThat(records.history(cycle.id(), other)).extracting(c -> c.action()).containsExactly("CREATE");
        assertThat(records.list(cycle.id(), org)).as("nor is it copied into this organisation").isEmpty();
    }

    @Test
    void aLinkForOneTaskDoesNothingOfAnother() throws Exception {
        String materials = fixture.mails(cycle.id(), org).stream().filter(m -> m.template().equals("audit-materials"))
                .findFirst().orElseThrow().textBody().lines().filter(l -> l.contains("/tasks/"))
                .map(l -> l.substring(l.indexOf("/tasks/"), l.indexOf("/tasks/") + 50)).toList().get(1);
        mvc.perform(get(materials)).andExpect(content().string(allOf(containsString("Audit materials"),
                not(containsString("Is your organisation taking part?")), not(containsString("Upload records")))));

        // the materials link, which a lead may pass to clinicians, cannot enter, upload or submit records
        mvc.perform(post(materials + "/records").with(csrf()).param("team", "T01").param("pseudonym", "P001")
                .param("age", "54").param("lithiumStartedInLastYear", "no").param("serumLithiumLast3Months", "no")
                .param("renalLast6Months", "no").param("thyroidLast6Months", "no"));
        mvc.perform(multipart(materials + "/records/upload").file(new MockMultipartFile("file", "records.csv",
                "text/csv", LithiumRecords.GOOD.getBytes(StandardCharsets.UTF_8))).with(csrf()));
        mvc.perform(post(materials + "/submit").with(csrf()));
        // nor can the submission link answer for the organisation's participation
        mvc.perform(post(submitPath + "/confirm").with(csrf()).param("takingPart", "false"));

        assertThat(records.list(cycle.id(), org)).isEmpty();
        assertThat(participation.participant(cycle.id(), org).status()).isEqualTo(ParticipantStatus.CONFIRMED);
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
        String csv = LithiumRecords.HEADER + "T01,P001,54,no,,,,maybe,,yes,yes\n";
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
