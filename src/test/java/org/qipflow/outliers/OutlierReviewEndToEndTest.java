package org.qipflow.outliers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qipflow.notification.Attachment;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Outlier reviews as their people meet them: the programme team on its pages and API, the lead and
 * the chief executive from the links in their emails, records corrected through the real upload and
 * analysis. Four organisations of 20 records; the flagged one meets S1 in 2 (an alarm) or 8 (an alert),
 * the others in 16 each (see {@link OutlierFixture#flagged}).
 */
@QipflowTest
class OutlierReviewEndToEndTest {

    static final String TEAM = "programme-team@qipflow.invalid";
    static final String REGULATOR = "outliers@regulator.example";

    @Autowired
    MockMvc mvc;
    @Autowired
    OutlierFixture fixture;
    @Autowired
    OutlierReviewRepository repository;
    @Autowired
    Outbox outbox;
    @Autowired
    OutlierReviews reviews;
    @Autowired
    TaskLinks links;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anAlarmThatACorrectionLeavesAnAlarmIsConfirmedLetteredAndEscalatedWhenNotAcknowledged() throws Exception {
        OutlierFixture.Flagged flagged = fixture.flagged(2);
        String code = flagged.code();
        long cycle = flagged.cycle().id();

        // the programme team opens the review from the round's outliers page
        String outliers = PageText.words(page("/cycles/" + cycle + "/outliers"));
        assertThat(outliers).contains("Trust " + code + " 10% (2 of 20) -4.85 Alarm: below Open a review");
        String location = mvc.perform(post("/cycles/" + cycle + "/outlier-reviews").with(coordinator()).with(csrf())
                        .param("organisationCode", code).param("standardId", "S1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/outlier-reviews/".length()));
        assertThat(PageText.words(page("/cycles/" + cycle + "/outliers")))
                .contains("Alarm: below Waiting for the organisation's response");

        // the lead's email: the figures, worked by hand, z = (0.1 − 0.625)/√(0.625·0.375/20) = −4.85
        OutboxMessage notice = fixture.mail(id, "outlier-notice", OutlierFixture.lead(code));
        assertThat(notice.subject()).isEqualTo("Please check your data: Trust " + code + " is an outlier on S1: Serum "
                + "lithium level measured in the past 3 months");
        assertThat(notice.textBody()).contains("Trust " + code + ": 10% (2 of 20), z = -4.85: an alarm (beyond 3 "
                + "standard deviations), below the national figure", "All organisations: 63% (50 of 80)",
                "by " + repository.find(id).orElseThrow().dueText());
        String token = fixture.token(id, "outlier-notice", OutlierFixture.lead(code));
        assertThat(outbox.about(List.of("outlier-review:" + id))).isNotEmpty().allSatisfy(stored -> assertThat(
                stored.textBody() + stored.htmlBody()).as("as stored, no link works").contains("/outlier-links/~")
                .doesNotContainPattern("/outlier-links/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"));
        String respond = PageText.words(mvc.perform(get("/outlier-links/" + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(respond).contains("Check your figures and respond", "Your figure now 10% (2 of 20), z = -4.85");

        // two records had their serum level entered as not measured: the correction leaves an alarm,
        // z = (0.2 − 0.65)/√(0.65·0.35/20) = −4.22 against 52 of 80 nationally
        String corrected = PageText.words(mvc.perform(multipart("/outlier-links/" + token + "/correction")
                        .file(new MockMultipartFile("file", "corrected.csv", "text/csv",
                                LithiumRecords.csv(20, 4).getBytes(StandardCharsets.UTF_8))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(corrected).contains("corrected.csv: 0 added, 2 updated, 18 unchanged. Your figure is now 20% (4 of "
                + "20), z = -4.22: an alarm (beyond 3 standard deviations), below the national figure.",
                "All organisations 65% (52 of 80)");
        mvc.perform(post("/outlier-links/" + token + "/response").with(csrf()).param("response", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/outlier-links/" + token + "/response").with(csrf())
                .param("response", "Two serum levels were entered as not measured; corrected. The rest stand."))
                .andExpect(status().isOk());
        mvc.perform(get("/outlier-links/" + token)).andExpect(status().isGone());
        assertThat(fixture.mail(id, "outlier-team", TEAM).subject()).endsWith("Organisation responded");

        // confirmed at the level the corrected figures show
        mvc.perform(post("/outlier-reviews/" + id + "/decision").with(coordinator()).with(csrf())
                .param("decision", "CONFIRM").param("note", "Please take this to the board."))
                .andExpect(status().is3xxRedirection());
        OutlierReview confirmed = repository.find(id).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(OutlierReview.Status.AWAITING_ACKNOWLEDGEMENT);

        // the letter, read by poppler: to the chief executive and the medical director, copied to the regulator
        List<String> lettered = fixture.mails(id).stream().filter(m -> m.template().startsWith("outlier-letter")
                || m.template().equals("outlier-regulator-copy")).map(OutboxMessage::recipient).toList();
        assertThat(lettered).containsExactly(OutlierFixture.ceo(code), OutlierFixture.md(code), REGULATOR);
        for (String recipient : lettered) {
            OutboxMessage mail = fixture.mails(id).stream().filter(m -> m.recipient().equals(recipient)).findFirst()
                    .orElseThrow();
            List<Attachment> files = outbox.attachments(mail.id());
            assertThat(files).extracting(Attachment::fileName, Attachment::contentType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("outlier-letter-" + code + "-S1.pdf",
                            "application/pdf"));
        }
        byte[] letter = outbox.attachments(fixture.mail(id, "outlier-letter", OutlierFixture.ceo(code)).id()).get(0)
                .bytes();
        String text = OtherReaders.pdfText(letter).replaceAll("\\s+", " ");
        assertThat(text).contains("Ceri Chief " + code + ", Chief executive", "Dr Med " + code + ", Medical director",
                "Confirmed outlier: S1: Serum lithium level measured in the past 3 months",
                "10% (2 of 20), z = -4.85", "20% (4 of 20), z = -4.22: an alarm", "65% (52 of 80)",
                "Two serum levels were entered as not measured", "Please take this to the board.",
                "by " + confirmed.dueText(), "A copy of this letter has been sent to " + REGULATOR);
        assertThat(fixture.mail(id, "outlier-letter", OutlierFixture.ceo(code)).textBody()).doesNotContain("null");
        assertThat(fixture.mail(id, "outlier-regulator-copy", REGULATOR).textBody()).doesNotContain("/outlier-links/");
        assertThat(fixture.mail(id, "outlier-decided", OutlierFixture.lead(code)).textBody())
                .contains("A letter has gone to your chief executive and medical director");
        mvc.perform(get("/outlier-reviews/" + id + "/letter.pdf").with(coordinator())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andExpect(content().bytes(letter));
        String ceoToken = fixture.token(id, "outlier-letter", OutlierFixture.ceo(code));
        assertThat(PageText.words(mvc.perform(get("/outlier-links/" + ceoToken)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .contains("Acknowledge the letter", "Confirmed on 20% (4 of 20)");
        mvc.perform(get("/outlier-links/" + ceoToken + "/letter.pdf")).andExpect(content().bytes(letter));

        // the acknowledgement deadline passes: a reminder to the chief executive, copied to the regulator
        fixture.fire(id, "Timer_AcknowledgementDue");
        assertThat(fixture.mail(id, "outlier-letter-reminder", OutlierFixture.ceo(code)).subject())
                .isEqualTo("Reminder: please acknowledge the outlier letter for Trust " + code + ", S1: Serum lithium "
                        + "level measured in the past 3 months");
        assertThat(fixture.mail(id, "outlier-regulator-copy", REGULATOR).subject()).startsWith("Not acknowledged:");
        assertThat(fixture.mail(id, "outlier-team", TEAM).subject())
                .endsWith("Letter not acknowledged by the deadline: escalated");
        mvc.perform(get("/outlier-links/" + ceoToken)).andExpect(status().isGone());

        // every step, with who and when, on the page and in the API
        String review = PageText.words(page("/outlier-reviews/" + id));
        assertThat(review).contains("Status Letter sent: waiting for the chief executive's acknowledgement",
                "When opened 10% (2 of 20), z = -4.85", "Now 20% (4 of 20), z = -4.22",
                "Letters are copied to " + REGULATOR, "Records corrected and the round analysed again",
                "Lead " + code + " (local lead)", "Letter not acknowledged by the deadline: escalated");
        mvc.perform(get("/api/outlier-reviews/" + id).with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AWAITING_ACKNOWLEDGEMENT"))
                .andExpect(jsonPath("$.openedLevel").value("ALARM"))
                .andExpect(jsonPath("$.openedZ", closeTo((0.1 - 0.625) / Math.sqrt(0.625 * 0.375 / 20), 1e-9), Double.class))
                .andExpect(jsonPath("$.currentLevel").value("ALARM"))
                .andExpect(jsonPath("$.confirmedLevel").value("ALARM"))
                .andExpect(jsonPath("$.letter").value(true))
                .andExpect(jsonPath("$.timeline[*].step", contains("OPENED", "NOTIFIED", "RECORDS_CORRECTED",
                        "RESPONDED", "CONFIRMED", "LETTER_SENT", "ACKNOWLEDGEMENT_OVERDUE")))
                .andExpect(jsonPath("$.timeline[2].actor").value("Lead " + code + " (local lead)"));

        // the reminder's link still acknowledges
        String reminded = fixture.token(id, "outlier-letter-reminder", OutlierFixture.ceo(code));
        mvc.perform(post("/outlier-links/" + reminded + "/acknowledgement").with(csrf())).andExpect(status().isOk());
        assertThat(repository.find(id).orElseThrow().status()).isEqualTo(OutlierReview.Status.ACKNOWLEDGED);
        assertThat(repository.steps(id).get(repository.steps(id).size() - 1).actor())
                .isEqualTo("Ceri Chief " + code + " (chief executive)");
    }

    @Test
    void anAlertACorrectionTakesInsideTheLimitsIsWithdrawnAndNotConfirmed() throws Exception {
        OutlierFixture.Flagged flagged = fixture.flagged(8);
        String code = flagged.code();
        String open = "{\"organisationCode\":\"" + code.toLowerCase() + "\",\"standardId\":\"s1\"}";
        MvcResult opened = api(post("/api/cycles/" + flagged.cycle().id() + "/outlier-reviews"), open)
                .andExpect(status().isOk()).andExpect(jsonPath("$.openedLevel").value("ALERT"))
                .andExpect(jsonPath("$.openedZ", closeTo((0.4 - 0.7) / Math.sqrt(0.7 * 0.3 / 20), 1e-9), Double.class))
                .andExpect(jsonPath("$.status").value("AWAITING_RESPONSE")).andReturn();
        long id = Long.parseLong(opened.getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        api(post("/api/cycles/" + flagged.cycle().id() + "/outlier-reviews"), open)
                .andExpect(jsonPath("$.id").value(id));
        api(post("/api/cycles/" + flagged.cycle().id() + "/outlier-reviews"),
                "{\"organisationCode\":\"" + code + "\",\"standardId\":\"S2\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("organisationCode"))
                .andExpect(jsonPath("$.errors[0].message").value(code + " is not beyond the limits of S2 in "
                        + flagged.cycle().title() + ": only an organisation flagged on an outlier indicator can be "
                        + "reviewed"));

        // a correction brings it to 12 of 20: z = (0.6 − 0.75)/√(0.75·0.25/20) = −1.55, inside the limits
        String token = fixture.token(id, "outlier-notice", OutlierFixture.clinical(code));
        mvc.perform(multipart("/outlier-links/" + token + "/correction").file(new MockMultipartFile("file",
                        "fixed.csv", "text/csv", LithiumRecords.csv(20, 12).getBytes(StandardCharsets.UTF_8)))
                .with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/outlier-links/" + token + "/response").with(csrf())
                .param("response", "Four levels were in the laboratory system but not entered; corrected."))
                .andExpect(status().isOk());

        api(post("/api/outlier-reviews/" + id + "/decision"), "{\"decision\":\"CONFIRM\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"))
                .andExpect(jsonPath("$.errors[0].message").value(code + " is now within the limits: no longer an "
                        + "outlier on this standard: withdraw the review instead"));
        api(post("/api/outlier-reviews/" + id + "/decision"), "{\"decision\":\"WITHDRAW\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        api(post("/api/outlier-reviews/" + id + "/decision"),
                "{\"decision\":\"WITHDRAW\",\"note\":\"The corrected data put it inside the limits.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.currentFigures").value("now within the limits: no longer an outlier on this "
                        + "standard"));
        api(post("/api/outlier-reviews/" + id + "/decision"), "{\"decision\":\"WITHDRAW\",\"note\":\"again\"}")
                .andExpect(status().isConflict());

        OutboxMessage withdrawn = fixture.mail(id, "outlier-decided", OutlierFixture.clinical(code));
        assertThat(withdrawn.subject()).startsWith("Outlier withdrawn: Trust " + code);
        assertThat(withdrawn.textBody()).contains("The corrected data put it inside the limits.");
        assertThat(fixture.mails(id)).noneMatch(m -> m.template().startsWith("outlier-letter"));

        // only the programme team sees reviews; a link never issued is 404
        mvc.perform(get("/outlier-reviews/" + id).with(user(code).roles("LEAD"))).andExpect(status().isForbidden());
        mvc.perform(get("/outlier-links/" + "A".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void aLinkLivesAtMostThirtyDaysAndASpentOneEarnsAFreshOneForThePersonOnRecord() throws Exception {
        OutlierFixture.Flagged flagged = fixture.flagged(8);
        OutlierReview review = fixture.open(flagged);
        String token = fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code()));
        // the response window (25 working days) is longer than any link may live
        assertThat(Duration.between(Instant.now(), review.dueAt())).isGreaterThan(TaskLinks.LONGEST);
        Instant expires = links.find(token).orElseThrow().expiresAt();
        assertThat(Duration.between(Instant.now(), expires)).isLessThanOrEqualTo(TaskLinks.LONGEST);

        jdbc.update("update task_link set expires_at = ? where expires_at = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)), java.sql.Timestamp.from(expires));
        String gone = mvc.perform(get("/outlier-links/" + token)).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(PageText.words(gone)).contains("The review still waits for you", "Email me a new link");

        String sent = PageText.words(mvc.perform(post("/outlier-links/" + token + "/new-link").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(sent).contains("A new link has been sent to the local lead on record");
        String fresh = fixture.token(review.id(), "outlier-notice", OutlierFixture.lead(flagged.code()));
        assertThat(fresh).isNotEqualTo(token);
        mvc.perform(get("/outlier-links/" + fresh)).andExpect(status().isOk());
        assertThat(PageText.words(mvc.perform(post("/outlier-links/" + token + "/new-link").with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .as("one an hour").contains("within the last hour");
        assertThat(fixture.mails(review.id()).stream().filter(m -> m.template().equals("outlier-notice")
                && m.recipient().equals(OutlierFixture.lead(flagged.code())))).hasSize(2);

        // once the organisation has responded, a spent link earns nothing
        reviews.respond(fresh, "Checked.");
        assertThat(PageText.words(mvc.perform(get("/outlier-links/" + token)).andExpect(status().isGone()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8))).doesNotContain("Email me a new link")
                .contains("Waiting for the programme team's decision");
    }

    private org.springframework.test.web.servlet.ResultActions api(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json)
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(coordinator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor coordinator() {
        return user("coordinator").roles("COORDINATOR");
    }
}
