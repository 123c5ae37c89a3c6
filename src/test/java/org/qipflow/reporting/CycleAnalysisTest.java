package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The analysis step on hand-made records: the right answers are worked out in the comments. */
@QipflowTest
class CycleAnalysisTest {

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
    CycleAnalysis analysis;


    String joined(Cycle cycle) {
        return fixture.confirmedMember(cycle.id(), "England", "T01, T02");
    }

    void record(Cycle cycle, String org, String team, String pseudonym, Map<String, String> answers) {
        participantRecords.save(cycle.id(), org, null, team, pseudonym, answers, "test");
    }

    @Test
    void figuresNationallyPerOrganisationAndPerTeamCountOnlyThoseWhoSubmitted() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = joined(cycle);
        String b = joined(cycle);
        String c = joined(cycle);
        record(cycle, a, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));   // S1 y S2 y S3 y
        record(cycle, a, "T01", "P2", LithiumRecords.lithium("yes", "yes", "no", "yes", "no"));   // S1 n S2 y S3 n S4 y
        record(cycle, a, "T02", "P3", LithiumRecords.lithium("no", null, "yes", "no", "yes"));    // S1 y S2 n S3 y
        record(cycle, b, "T01", "P1", LithiumRecords.lithium("yes", "no", "yes", "yes", "yes"));  // S1 y S2 y S3 y S4 n
        record(cycle, c, "T01", "P1", LithiumRecords.lithium("no", null, "no", "no", "no"));      // never submitted: not counted
        for (String org : List.of(a, b)) {
            var instance = fixture.participation(cycle.id(), org);
            fixture.fire(instance, "Timer_SubmissionOpens");
            leadActions.submit(cycle.id(), org);
        }

        fixture.fire(fixture.cycleInstance(cycle.id()), "Timer_LateSubmissionsEnd");

        assertThat(figures(cycle, Scope.NATIONAL, null, null)).containsExactly(
                "S1 3/4", "S2 3/4", "S3 3/4", "S4 1/2");
        assertThat(figures(cycle, Scope.ORGANISATION, a, null)).containsExactly("S1 2/3", "S2 2/3", "S3 2/3", "S4 1/1");
        assertThat(figures(cycle, Scope.TEAM, a, "T01")).containsExactly("S1 1/2", "S2 2/2", "S3 1/2", "S4 1/1");
        assertThat(figures(cycle, Scope.TEAM, a, "T02")).containsExactly("S1 1/1", "S2 0/1", "S3 1/1", "S4 0/0");
        assertThat(figures(cycle, Scope.ORGANISATION, b, null)).containsExactly("S1 1/1", "S2 1/1", "S3 1/1", "S4 0/1");
        assertThat(figures(cycle, Scope.ORGANISATION, c, null)).isEmpty();

        Map<String, String> aliases = analysis.aliases(cycle.id());
        assertThat(aliases).containsOnlyKeys(a, b);
        assertThat(aliases.values()).containsExactlyInAnyOrder("Organisation 01", "Organisation 02");

        analysis.analyse(cycle.id(), List.of(a, b));
        assertThat(analysis.aliases(cycle.id())).as("codes stay the same when the analysis runs again")
                .isEqualTo(aliases);
        assertThat(figures(cycle, Scope.NATIONAL, null, null)).containsExactly("S1 3/4", "S2 3/4", "S3 3/4", "S4 1/2");

        String review = mvc.perform(get("/cycles/" + cycle.id() + "/results")
                .with(user("coordinator").roles("COORDINATOR"))).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("All organisations", "Trust " + a, aliases.get(a), "Publish reports");

        mvc.perform(get("/cycles/" + cycle.id() + "/results/" + a).with(user("coordinator").roles("COORDINATOR")))
                .andExpect(redirectedUrl("/reports/" + cycle.id() + "/" + a));
        String preview = mvc.perform(get("/reports/" + cycle.id() + "/" + a)
                .with(user("coordinator").roles("COORDINATOR"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(preview).contains("<strong>Trust " + a + "</strong> (" + aliases.get(a) + " to others)",
                        "Your organisation", aliases.get(b))
                .doesNotContain("Trust " + b);                                   // the other by its code only
        mvc.perform(get("/reports/" + cycle.id() + "/NOPE").with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reports/" + cycle.id() + "/" + a)).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/cycles/" + cycle.id() + "/results").with(httpBasic("coordinator", "test-only-password")))
                .andExpect(jsonPath("$.national[0].numerator").value(3))
                .andExpect(jsonPath("$.national[0].percent").value(75.0))
                .andExpect(jsonPath("$.organisations[*].alias", containsInAnyOrder("Organisation 01", "Organisation 02")))
                .andExpect(jsonPath("$.standards[3].text").value(
                        "Before lithium was started: renal function, thyroid function and weight or BMI measured"));
    }

    @Autowired
    CycleTracker tracker;

    @Test
    void aLeadSeesItsOwnFiguresExactlyAndOthersOnlyByCodeWithSmallNumbersHidden() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = joined(cycle);
        String b = joined(cycle);
        record(cycle, a, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));
        record(cycle, a, "T01", "P2", LithiumRecords.lithium("no", null, "no", "yes", "yes"));
        record(cycle, a, "T02", "P3", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));
        record(cycle, b, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));
        for (String org : List.of(a, b)) {
            fixture.fire(fixture.participation(cycle.id(), org), "Timer_SubmissionOpens");
            leadActions.submit(cycle.id(), org);
        }
        var cycleInstance = fixture.cycleInstance(cycle.id());
        fixture.fire(cycleInstance, "Timer_LateSubmissionsEnd");
        tracker.publish(cycle.id());
        fixture.runDueJobs(cycleInstance);

        String link = fixture.mails(cycle.id(), a).stream().filter(m -> m.template().equals("results-published"))
                .findFirst().orElseThrow().textBody().lines().filter(l -> l.contains("/tasks/")).findFirst()
                .orElseThrow().trim();
        String page = mvc.perform(get(link.substring(link.indexOf("/tasks/")))).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("Your organisation", "67%", "2 of 3", "T02")  // own S1: 2 of 3, exact
                .contains(analysis.aliases(cycle.id()).get(b))                   // the other only by its code
                .doesNotContain("Trust " + b)                                     // never by name
                // with one other organisation, national (3 of 4) minus own (2 of 3) would give its 1 of 1 away
                .doesNotContain("3 of 4").contains("not shown")
                .contains("class=\"qf-chart\"", "role=\"img\"");                  // the chart, with its text alternative

        String path = link.substring(link.indexOf("/tasks/"));
        // records are for the signed-in lead, not for whoever the link is forwarded to
        mvc.perform(get(path + "/export.csv")).andExpect(redirectedUrl("/leads/sign-in?records"));
        mvc.perform(get(path + "/export.xlsx")).andExpect(redirectedUrl("/leads/sign-in?records"));
        String records = "/reports/" + cycle.id() + "/" + a;
        String csv = mvc.perform(get(records + ".csv").with(user("coordinator").roles("COORDINATOR"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("team,pseudonym,age").contains("T02,P3,50").doesNotContain(b);
        byte[] pdf = mvc.perform(get(path + "/results.pdf")).andReturn().getResponse().getContentAsByteArray();
        // kept under target/reports for a look at the layout
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "sample-results.pdf"), pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(cycle.programmeCode() + " " + cycle.programmeTitle(), "Baseline audit (round 1)",
                            "Your organisation", "67%")
                    .contains(analysis.aliases(cycle.id()).get(b)).doesNotContain("Trust " + b);
        }
        byte[] docx = mvc.perform(get(path + "/action-plan.docx")).andReturn().getResponse().getContentAsByteArray();
        try (var plan = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            var table = plan.getTables().get(0);
            // own figures: S1 2 of 3 (67%) is short of its 100% target; S2, S3 and S4 met theirs or apply to none
            assertThat(table.getRows()).hasSize(2);
            assertThat(table.getRow(1).getCell(0).getText()).startsWith("S1: Serum lithium level");
            assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("67% (2 of 3)");
            assertThat(table.getRow(0).getCell(3).getText()).isEqualTo("Action");
            String all = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(plan).getText();
            assertThat(all).doesNotContain("Trust " + b).doesNotContain(analysis.aliases(cycle.id()).get(b));
        }
        byte[] xlsx = mvc.perform(get(records + ".xlsx").with(user("coordinator").roles("COORDINATOR"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("Records").getLastRowNum()).isEqualTo(3);
            assertThat(workbook.getSheet("Figures").getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2.0 / 3);
        }
    }

    @Autowired
    CycleService cycles;
    @Autowired
    Reports reports;

    @Test
    void aReauditShowsTheChangeSinceEarlierCyclesOfTheProgramme() {
        Cycle baseline = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = joined(baseline);
        record(baseline, a, "T01", "P1", LithiumRecords.lithium("no", null, "no", "yes", "yes"));   // S1 not met
        record(baseline, a, "T01", "P2", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));  // S1 met: 1 of 2 = 50%
        analysis.analyse(baseline.id(), List.of(a));
        cycles.markPublished(baseline.id());                                          // only published cycles count
        Cycle reaudit = cycles.schedule(baseline.programmeCode(), CycleKind.REAUDIT,
                AuditProcessFixture.uk(2031, 3, 3, 9), Map.of());
        participation.join(reaudit.id(), a);
        fixture.fire(fixture.participation(reaudit.id(), a), "Timer_MaterialsDispatch");
        leadActions.confirm(reaudit.id(), a, true, List.of("T01"));
        record(reaudit, a, "T01", "P1", LithiumRecords.lithium("no", null, "yes", "yes", "yes"));   // S1 met: 1 of 1 = 100%
        analysis.analyse(reaudit.id(), List.of(a));

        var s1 = reports.forOrganisation(reaudit.id(), a).standards().get(0);

        assertThat(s1.own().percent()).isEqualTo("100%");
        assertThat(s1.trend()).hasSize(2).first().satisfies(t -> {
            assertThat(t.round()).isEqualTo("Baseline audit (round 1)");
            assertThat(t.ownPercent()).isEqualTo("50%");
            assertThat(t.national().percent()).as("national figures are exact").isEqualTo("50%");
        });
        assertThat(s1.trend().get(1).current()).isTrue();
    }

    private List<String> figures(Cycle cycle, Scope scope, String organisation, String team) {
        return analysis.figures(cycle.id()).stream().filter(f -> f.scope() == scope
                        && Objects.equals(f.organisationCode(), organisation)
                        && Objects.equals(f.teamCode(), team))
                .map(f -> f.standardId() + " " + f.numerator() + "/" + f.denominator()).toList();
    }
}
