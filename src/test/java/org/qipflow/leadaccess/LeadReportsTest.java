package org.qipflow.leadaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xslf.extractor.XSLFExtractor;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.membership.OrganisationInput;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Outbox;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.reporting.CycleAnalysis;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Local leads sign in by email link, list their reports, and open only their own, only once published. */
@QipflowTest
class LeadReportsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    ParticipantRecords participantRecords;
    @Autowired
    LeadActions leadActions;
    @Autowired
    CycleTracker tracker;
    @Autowired
    CycleAnalysis analysis;
    @Autowired
    Outbox outbox;
    @Autowired
    OrganisationService organisations;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aLeadSignsInByEmailLinkAndOpensOnlyItsOwnReportOnlyOncePublished() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = fixture.confirmedMember(cycle.id(), "England", "T01, T02");
        String b = fixture.confirmedMember(cycle.id(), "England", "T01");
        participantRecords.save(cycle.id(), a, null, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"), "test");
        participantRecords.save(cycle.id(), a, null, "T01", "P2", LithiumRecords.lithium("no", null, "no", "yes", "yes"), "test");
        participantRecords.save(cycle.id(), a, null, "T02", "P3", LithiumRecords.lithium("no", null, "yes", "yes", "yes"), "test");
        participantRecords.save(cycle.id(), b, null, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"), "test");
        for (String org : List.of(a, b)) {
            fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
            leadActions.submit(cycle.id(), org);
        }
        var cycleInstance = fixture.cycleInstance(cycle.id());
        fixture.fire(cycleInstance, "Timer_LateSubmissionsEnd");
        String report = "/reports/" + cycle.id() + "/" + a;
        String othersReport = "/reports/" + cycle.id() + "/" + b;

        MockHttpSession session = signIn(a.toLowerCase() + "@nhs.example");

        assertThat(page("/my/reports", session)).contains("Trust " + a, cycle.title(), "Results not published yet")
                .doesNotContain("Trust " + b);
        for (String format : List.of("", ".pdf", ".docx", ".pptx", ".xlsx", ".csv")) {
            mvc.perform(get(report + format).session(session))
                    .andExpect(status().isNotFound());
            mvc.perform(get(othersReport + format).session(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/organisations").session(session)).andExpect(status().isForbidden());
        mvc.perform(get(othersReport).with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isOk());                                     // coordinators preview at any time

        tracker.publish(cycle.id());
        fixture.runDueJobs(cycleInstance);

        assertThat(page("/my/reports", session)).contains("href=\"" + report + "\"");
        String html = page(report, session);
        assertThat(html).contains("Summary", "1. National performance", "2. All organisations", "3. Your teams",
                        "4. Change over rounds", "Your organisation", "67%", "T02")
                .contains("funnel plot")
                .doesNotContain("3 of 4").contains("not shown")                  // one other: national withheld
                .contains(analysis.aliases(cycle.id()).get(b)).doesNotContain("Trust " + b).doesNotContain(b);
        for (String format : List.of("", ".pdf", ".docx", ".pptx", ".xlsx", ".csv")) {
            mvc.perform(get(othersReport + format).session(session)).andExpect(status().isForbidden());
            mvc.perform(get(report + format).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get(report + ".odt").session(session)).andExpect(status().isNotFound());

        try (var pdf = Loader.loadPDF(file(report + ".pdf", session))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Summary", "Your organisation", "67%")
                    .doesNotContain("Trust " + b).doesNotContain(b);
        }
        try (var docx = new XWPFDocument(new ByteArrayInputStream(file(report + ".docx", session)))) {
            assertThat(new XWPFWordExtractor(docx).getText()).contains("67% (2 of 3)").doesNotContain(b);
        }
        try (var pptx = new XMLSlideShow(new ByteArrayInputStream(file(report + ".pptx", session)))) {
            // title, summary, then for each of the four standards the organisations and the teams
            assertThat(pptx.getSlides()).hasSize(10);
            String text = new XSLFExtractor(pptx).getText();
            assertThat(text).contains("Trust " + a, "Summary", "67% (2 of 3)")
                    .doesNotContain(b);
        }
        try (var xlsx = WorkbookFactory.create(new ByteArrayInputStream(file(report + ".xlsx", session)))) {
            assertThat(xlsx.getSheet("Records").getLastRowNum()).isEqualTo(3);
            assertThat(xlsx.getSheet("Figures").getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2.0 / 3);
            assertThat(xlsx.getSheet("Records").getRow(1).getCell(0).getStringCellValue()).startsWith("T0");
        }
        assertThat(new String(file(report + ".csv", session), StandardCharsets.UTF_8)).contains("T02,P3,50")
                .doesNotContain(b);

        String withFeed = mvc.perform(post("/my/calendar/" + a).session(session).with(csrf())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String feed = withFeed.replaceAll("(?s).*(/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics).*", "$1");
        assertThat(mvc.perform(get(feed)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replace("\r\n ", "")).contains(cycle.title());                 // lines unfolded (RFC 5545 3.1)
        mvc.perform(post("/my/calendar/" + b).session(session).with(csrf())).andExpect(status().isForbidden());

        mvc.perform(get("/camunda/app/cockpit/default/").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/camunda/api/engine/engine/default/process-definition").session(session))
                .andExpect(status().isForbidden());
        mvc.perform(get("/engine-rest/process-definition").session(session)).andExpect(status().isUnauthorized());

        organisations.update(a, new OrganisationInput(a, "Trust " + a, "England", "NHS trust", "New Lead",
                "new.lead@nhs.example", "Pharmacist", "2030-12-31"), null);
        mvc.perform(get(report).session(session)).andExpect(status().isForbidden());   // replaced: no longer theirs
        mvc.perform(get(feed)).andExpect(status().isNotFound());                       // and their feed address ends
        assertThat(page("/my/reports", session)).doesNotContain(cycle.title());
    }

    @Test
    void aSignInLinkWorksOnceAndAnUnknownAddressGetsTheSameAnswerWithoutAnEmail() throws Exception {
        String a = fixture.member("Wales");
        String link = requestLink(a.toLowerCase() + "@nhs.example");

        mvc.perform(get(link)).andExpect(status().isOk());                       // a scanner opening it signs nobody in
        mvc.perform(post(link)).andExpect(status().isForbidden());               // no CSRF token
        MockHttpSession before = new MockHttpSession();
        String sessionId = before.getId();
        var signedIn = mvc.perform(post(link).session(before).with(csrf())).andExpect(redirectedUrl("/my/tasks"))
                .andReturn().getRequest().getSession(false);
        assertThat(signedIn.getId()).as("a new session id at sign-in").isNotEqualTo(sessionId);
        mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound());   // used

        String expiring = requestLinkAgain(a.toLowerCase() + "@nhs.example");
        jdbc.update("update task_link set expires_at = ? where purpose = 'SIGN_IN' and revoked_at is null",
                Timestamp.from(Instant.now().minusSeconds(60)));
        mvc.perform(post(expiring).with(csrf())).andExpect(status().isNotFound());

        String answer = mvc.perform(post("/leads/sign-in").param("email", "nobody@nhs.example").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("Check your email");
        assertThat(outbox.latest(500)).noneMatch(m -> m.recipient().equals("nobody@nhs.example"));

        String problem = mvc.perform(post("/leads/sign-in").param("email", "not-an-address").with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(problem).contains("Enter an email address in the correct format", "href=\"#email\"");
    }

    @Test
    void myTasksListsEachCyclesTasksAndOpensTheOpenOneWithoutAnEmail() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = fixture.member("England");
        participation.join(cycle.id(), a);
        String other = fixture.confirmedMember(cycle.id(), "Wales", "T01");
        MockHttpSession session = signIn(a.toLowerCase() + "@nhs.example");

        // before the materials: nothing can start yet
        assertThat(page("/my/tasks", session)).contains("govuk-task-list", cycle.title(),
                "The audit materials come on Mon 4 Feb 2030", "Cannot start yet").doesNotContain("/my/tasks/" + cycle.id());
        mvc.perform(post("/my/tasks/" + cycle.id() + "/" + a + "/CONFIRM").session(session).with(csrf()))
                .andExpect(redirectedUrl("/my/tasks"));

        fixture.fire(fixture.participation(cycle.id(), a), "Timer_MaterialsDispatch");
        String tasks = page("/my/tasks", session);
        assertThat(tasks).contains("action=\"/my/tasks/" + cycle.id() + "/" + a + "/CONFIRM\"", "Not yet started");
        String taskPage = mvc.perform(post("/my/tasks/" + cycle.id() + "/" + a + "/CONFIRM").session(session)
                        .with(csrf())).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(taskPage).matches("/tasks/[A-Za-z0-9_-]{43}");
        assertThat(mvc.perform(get(taskPage)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Is your organisation taking part?");

        leadActions.confirm(cycle.id(), a, true, List.of("T01", "T02"));
        assertThat(page("/my/tasks", session)).contains("Teams: T01, T02", "Completed", "Submission opens on");
        mvc.perform(post("/my/tasks/" + cycle.id() + "/" + other + "/RECORDS").session(session).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/my/tasks/" + cycle.id() + "/" + a + "/CONFIRM").with(csrf()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void strangersAreSentToSignInOrToldTheyAreUnauthorised() throws Exception {
        mvc.perform(get("/my/reports").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/leads/sign-in"));
        mvc.perform(get("/reports/1/RXT").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/leads/sign-in"));
        mvc.perform(get("/reports/1/RXT.pdf")).andExpect(status().isUnauthorized());
    }

    private MockHttpSession signIn(String email) throws Exception {
        String link = requestLink(email);
        return (MockHttpSession) mvc.perform(post(link).with(csrf())).andExpect(redirectedUrl("/my/tasks"))
                .andReturn().getRequest().getSession(false);
    }

    /** A second link for the same address: the five-minute window has its email, so that one is used. */
    private String requestLinkAgain(String email) throws Exception {
        jdbc.update("delete from outbox_message where template = 'lead-sign-in' and recipient = ?", email);
        return requestLink(email);
    }

    /** Asks for a sign-in link and reads it from the email it sent. */
    private String requestLink(String email) throws Exception {
        mvc.perform(post("/leads/sign-in").param("email", email.toUpperCase()).with(csrf()))
                .andExpect(status().isOk());
        String text = outbox.latest(500).stream()
                .filter(m -> m.template().equals("lead-sign-in") && m.recipient().equalsIgnoreCase(email))
                .findFirst().map(outbox::withWorkingLinks).orElseThrow().textBody();
        String line = text.lines().filter(l -> l.contains("/leads/sign-in/")).findFirst().orElseThrow().trim();
        return line.substring(line.indexOf("/leads/sign-in/"));
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] file(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }
}
