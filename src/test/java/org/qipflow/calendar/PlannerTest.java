package org.qipflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The yearly planner: public year plan and PDF; drafts from the screen or the year's file, published at once. */
@QipflowTest
class PlannerTest {

    private static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;

    @Test
    void draftsFromTheYearsFileArePublishedAsCyclesOnceAndEveryoneSeesThePlan() throws Exception {
        programmes.create("QIP-PLAN", "Planner checks", "lithium-monitoring");
        Cycle scheduled = cycles.schedule("QIP-PLAN", CycleKind.BASELINE, CalendarFeedTest.uk(2034, 1, 9, 9), Map.of());

        String before = page("/calendar/planner/2034", null);
        assertThat(before).contains("Planner 2034", scheduled.title(), "9 Jan – 6 Feb 2034").doesNotContain("Draft");

        mvc.perform(post("/calendar/planner/2034/file").with(csrf()).with(COORDINATOR))
                .andExpect(redirectedUrl("/calendar/planner/2034"));
        mvc.perform(post("/calendar/planner/2034/file").with(csrf()).with(COORDINATOR))
                .andExpect(redirectedUrl("/calendar/planner/2034"));                 // loading again: the same draft
        String draft = page("/calendar/planner/2034", COORDINATOR);
        assertThat(draft).contains("QIP-PLAN Planner checks: re-audit (draft)", "QIP-PLAN Planner checks: supplementary audit (draft)",
                "Publish: schedule 2 cycles");
        assertThat(page("/calendar/planner/2034", null)).as("drafts are the programme team's")
                .doesNotContain("(draft)");

        mvc.perform(post("/calendar/planner/2034/publication").with(csrf()).with(COORDINATOR))
                .andExpect(redirectedUrl("/calendar/planner/2034"));
        mvc.perform(post("/calendar/planner/2034/publication").with(csrf()).with(COORDINATOR))
                .andExpect(redirectedUrl("/calendar/planner/2034"));                 // nothing left: no second cycle
        assertThat(cycles.cyclesOf("QIP-PLAN")).extracting(Cycle::kind)
                .containsExactly(CycleKind.BASELINE, CycleKind.REAUDIT, CycleKind.SUPPLEMENTARY);
        assertThat(page("/calendar/planner/2034", null)).contains("QIP-PLAN Planner checks: re-audit (round 2)",
                "QIP-PLAN Planner checks: supplementary audit (round 3)");
        assertThat(page("/calendar/programmes/QIP-PLAN.ics", null).replace("\r\n ", "")) // lines unfolded (RFC 5545 3.1)
                .contains("QIP-PLAN Planner checks: re-audit (round 2)");

        byte[] pdf = mvc.perform(get("/calendar/planner/2034.pdf")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target", "reports"));
        Files.write(Path.of("target", "reports", "sample-planner.pdf"), pdf); // for a look
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Planner 2034", scheduled.title(),
                    "QIP-PLAN Planner checks: re-audit (round 2)");
        }
    }

    @Test
    void aFileWithBadRowsChangesNothingAndNamesEachRow() throws Exception {
        programmes.create("QIP-PLAN2", "Planner checks", "lithium-monitoring");
        String answer = mvc.perform(post("/calendar/planner/2035/file").with(csrf()).with(COORDINATOR))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(answer).contains("calendar/planner-2035.csv was not loaded",
                "Row 3, programme: No programme has the code QIP-NONE", "Row 4, kind:",
                "Row 4, dataCollectionStart: Enter the date data collection starts as YYYY-MM-DD");
        assertThat(page("/calendar/planner/2035", COORDINATOR)).doesNotContain("(draft)");
    }

    @Test
    void aDraftAddedOnScreenIsCheckedFieldByField() throws Exception {
        programmes.create("QIP-PLAN3", "Planner checks", "lithium-monitoring");
        String answer = mvc.perform(post("/calendar/planner/2036/drafts").with(csrf()).with(COORDINATOR)
                        .param("programme", "QIP-PLAN3").param("kind", "REAUDIT").param("dataCollectionStart", "2037-01-05"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("Data collection must start in 2036", "href=\"#dataCollectionStart\"");

        mvc.perform(post("/calendar/planner/2036/drafts").with(csrf()).with(COORDINATOR)
                        .param("programme", "QIP-PLAN3").param("kind", "REAUDIT").param("dataCollectionStart", "2036-03-03"))
                .andExpect(redirectedUrl("/calendar/planner/2036"));
        assertThat(page("/calendar/planner/2036", COORDINATOR)).contains("QIP-PLAN3 Planner checks: re-audit (draft)", "3 Mar – ");
        mvc.perform(post("/calendar/planner/2036/drafts").param("programme", "QIP-PLAN3").with(csrf()))
                .andExpect(status().isUnauthorized());                               // nobody signed in
        mvc.perform(get("/calendar/planner/1999")).andExpect(status().isNotFound());
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        var request = get(path);
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
