package org.qipflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qipflow.auditcycle.CycleTracker;
import org.qipflow.common.UkTime;
import org.qipflow.participation.LeadActions;
import org.qipflow.participation.ParticipantRecords;
import org.qipflow.participation.ParticipationService;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.OoxmlSchemas;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every figure a local lead is shown, checked against figures worked out by hand (in the comments),
 * in every format the lead receives: the page, the PDF, the action plan, the slides and the Excel
 * export, each opened with a reader other than the library that wrote it.
 *
 * <p>Lithium monitoring, target 100% for every standard: S1 serum level in the past 3 months, S2 renal
 * function in the past 6 months, S3 thyroid function in the past 6 months, S4 baseline renal, thyroid and
 * weight before lithium was started (only for records where it was started in the past year).
 */
@QipflowTest
class ReportFiguresTest {

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
    CycleService cycles;
    @Autowired
    CycleAnalysis analysis;

    /** How many of an organisation's records meet each standard; records are split over teams T01 and T02. */
    record Counts(int records, int serum, int renal, int thyroid, int started, int baselineMet) {
    }

    /**
     * Three organisations, a baseline then a re-audit. A reads its re-audit report. With two others, the
     * national figure minus A's own would be their total, and with the shares shown give a hidden count
     * away (S1: national 23 of 33 minus A's 7 of 8 is 16 of 25 between B and C), so A is shown no national
     * figure, in this round or the baseline, nor anything worked out from it: differences, gaps, funnel
     * limits and positions (see {@code DisclosureAdversaryTest} for the rule's proof).
     *
     * <pre>
     * Baseline (round 1)  records  S1
     *   A                   8      4 (50%)
     *   B                   9      7
     *   C                  10      7
     * Re-audit (round 2)  records  S1   S2   S3   S4 (applies / meets)
     *   A                   8      7    5    4    4 / 2
     *   B                  12      8    9   12    6 / 3
     *   C                  13      8    8    0    2 / 1
     *
     * A, exact: S1 7/8 = 87.5% -> 88%; S2 5/8 = 62.5% -> 63%; S3 4/8 = 50%; S4 2/4 = 50%.
     * Others: S1 B 8/12 and C 8/13, S2 B 9/12 and C 8/13 have 4, 5, 3 and 5 records not meeting it: hidden.
     * S3 B 12/12 = 100% (records 12 -> 10), C 0/13 = 0% (13 -> 15): shown, without funnel positions.
     * S4 B 3/6, C 1/2: hidden. Trend S1: A 50% -> 88%.
     * </pre>
     */
    @Test
    void threeOrganisationsBaselineAndReaudit() throws Exception {
        Cycle baseline = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String a = fixture.member("England");
        String b = fixture.member("Scotland");
        String c = fixture.member("Wales");
        run(baseline, Map.of(a, new Counts(8, 4, 8, 8, 0, 0), b, new Counts(9, 7, 9, 9, 0, 0),
                c, new Counts(10, 7, 10, 10, 0, 0)));
        Cycle reaudit = cycles.schedule(baseline.programmeCode(), CycleKind.REAUDIT,
                AuditProcessFixture.uk(2031, 3, 3, 9), Map.of());
        String link = run(reaudit, Map.of(a, new Counts(8, 7, 5, 4, 4, 2), b, new Counts(12, 8, 9, 12, 6, 3),
                c, new Counts(13, 8, 8, 0, 2, 1))).get(a);
        Map<String, String> aliases = analysis.aliases(reaudit.id());
        // national figures and everything worked out from them, in any format
        // (nothing a link's random token could hold by chance: it is letters, digits, - and _)
        String[] national = {"of 33", "23 33", "22 33", "16 33", "70%", "67%", "48%", "6 of 12", "+18", "-4 points",
                "+2 points", "57%", "-17 points", "2 SD", "Biggest gaps S"};

        String page = PageText.words(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page).contains(
                "Based on 8 records from 2 teams in your organisation; 3 organisations took part",
                "Published " + today(),
                "Your organisation met the target on 0 of 4 standards.",
                "S1: Serum lithium level measured in the past 3 months 100% 88% below target not shown not shown",
                "S2: Renal function (eGFR) measured in the past 6 months 100% 63% below target not shown not shown",
                "S3: Thyroid function measured in the past 6 months 100% 50% below target not shown not shown",
                "Where a national figure is \"not shown\"",
                "Biggest gaps No national figure is shown, so there is no gap to name.",
                "The action plan has a row for each of the 4 standards your organisation fell short of",
                "S1 not shown S2 not shown S3 not shown S4 not shown",
                "Your organisation: 63% (5 of 8 records). All organisations: not shown",
                aliases.get(b) + " 10 100% Your organisation 8 50% " + aliases.get(c) + " 15 0%",
                "the national figure is not shown, so there are no limits",
                // A's own change from exact counts: 7/8 - 4/8 = 37.5 points, written +38; the nation's withheld
                "Baseline audit (round 1) 50% – – not shown – – not shown Re-audit (round 2), this report 88% "
                        + "+38 points +38 points not shown not shown not shown not shown",
                "Change in this round: yours +38 points from the previous round and +38 points from the baseline; "
                        + "all organisations not shown from the previous round and not shown from the baseline.")
                .doesNotContain(national).doesNotContain("Trust " + b, "Trust " + c);
        assertThat(page.replaceAll(".*(S1: organisations side by side.*?)S2: Renal.*", "$1"))
                .as("S1: both others have a small number not meeting it")
                .contains(aliases.get(b) + " 10 *", aliases.get(c) + " 15 *");

        // page footers ("qipflow · 6 of 12") are no figures: left out before looking for national ones
        String pdf = OtherReaders.pdfText(file(link + "/results.pdf")).replaceAll("\\s+", " ")
                .replaceAll("qipflow · \\d+ of \\d+", "");
        assertThat(pdf).contains("8 records from 2 teams in your organisation; 3 organisations took part",
                "100% 88% not shown not shown", "100% 63% not shown not shown", "S2 not shown S3 not shown",
                "Your organisation: 63% (5 of 8 records). All organisations: not shown",
                "Your organisation 8 50%", aliases.get(b) + " 10 100%", aliases.get(c) + " 15 0%",
                "50% – – not shown – – not shown", "88% +38 points +38 points not shown")
                .doesNotContain(national).doesNotContain("Trust " + b, "Trust " + c);

        byte[] planFile = file(link + "/action-plan.docx");
        assertThat(OoxmlSchemas.docxErrors(planFile)).isEmpty();
        JsonNode plan = OtherReaders.docx(planFile);
        assertThat(plan.get("orientation").asText()).startsWith("LANDSCAPE");
        assertThat(plan.get("pageWidthMm").asInt()).isEqualTo(297);
        assertThat(plan.get("pageHeightMm").asInt()).isEqualTo(210);
        assertThat(plan.at("/tables/0/style").asText()).isEqualTo("Table Grid");
        assertThat(plan.at("/paragraphs/0/style").asText()).isEqualTo("Heading 1");
        List<Integer> widths = new ArrayList<>();
        plan.at("/tables/0/columnWidthsMm").forEach(w -> widths.add(w.asInt()));
        assertThat(widths.stream().mapToInt(Integer::intValue).sum()).as("the table fills the text width")
                .isBetween(plan.get("textWidthMm").asInt() - 2, plan.get("textWidthMm").asInt() + 2);
        assertThat(widths.get(0)).as("room for the standards' wording").isGreaterThanOrEqualTo(65);
        assertThat(rows(plan.at("/tables/0/rows"))).containsExactly(
                List.of("Standard", "Your result", "Target", "Action", "Owner", "Deadline", "How progress will be measured"),
                List.of("S1: Serum lithium level measured in the past 3 months", "88% (7 of 8)", "100%", "", "", "", ""),
                List.of("S2: Renal function (eGFR) measured in the past 6 months", "63% (5 of 8)", "100%", "", "", "", ""),
                List.of("S3: Thyroid function measured in the past 6 months", "50% (4 of 8)", "100%", "", "", "", ""),
                List.of("S4: Before lithium was started: renal function, thyroid function and weight or BMI measured",
                        "50% (2 of 4)", "100%", "", "", "", ""));

        assertThat(mvc.perform(get(link + "/slides.pptx")).andReturn().getResponse().getHeader("Content-Disposition"))
                .as("named by programme and round, not by a database id")
                .contains("filename=\"" + reaudit.programmeCode() + "-round-2-" + a + "-slides.pptx\"");
        String review = PageText.words(mvc.perform(get("/cycles/" + reaudit.id() + "/results")
                .with(user("coordinator").roles("COORDINATOR"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(review).as("the coordinators' review rounds halves up too, and shows everything exactly")
                .contains("Trust " + a + " " + aliases.get(a) + " 7 8 88%", "Trust " + a + " " + aliases.get(a) + " 5 8 63%")
                .contains("23 33 70%")
                // nationally 18 of 27 = 66.67% at baseline, 23 of 33 = 69.70% now: +3.03, written +3 points
                .contains("S1: all organisations in each round of the programme Round Share Change from previous round "
                        + "Change from baseline Baseline audit (round 1) 67% (18 of 27) – – Re-audit (round 2) 70% "
                        + "(23 of 33) +3 points +3 points");
        byte[] slideFile = file(link + "/slides.pptx");
        byte[] workbook = records(reaudit, a);
        assertThat(OoxmlSchemas.pptxErrors(slideFile)).isEmpty();
        assertThat(OoxmlSchemas.xlsxErrors(workbook)).isEmpty();
        Map<String, String> office = OtherReaders.libreOfficeText(Map.of("slides.pptx", slideFile,
                "plan.docx", planFile, "data.xlsx", workbook));
        assertThat(office.get("plan.docx")).contains("Action plan", "88% (7 of 8)", "How progress");
        assertThat(office.get("data.xlsx")).contains("Serum lithium level measured in the past 3 months", "88%");
        String slides = office.get("slides.pptx").replaceAll("\\s+", " ");
        assertThat(slides).contains("88% (7 of 8) not shown not shown", "63% (5 of 8) not shown not shown",
                "S3: all organisations", aliases.get(b) + " 100%", aliases.get(c) + " 0%",
                "All organisations (red) not shown",
                "S1: change over rounds", "Round 1: yours 50%", "Round 2: yours 88%", "yours +38 points from the previous round")
                .doesNotContain(national).doesNotContain("Round 2: all", "Trust " + b, "Trust " + c);

        JsonNode sheets = OtherReaders.xlsx(workbook);
        JsonNode records = sheets.get("Records");
        assertThat(records.get("freezePanes").asText()).as("the header row stays in view").isEqualTo("A2");
        assertThat(records.at("/rows/0/2/value").asText()).isEqualTo("age");
        assertThat(records.at("/rows/1/2/type").asText()).as("numbers stored as numbers").isEqualTo("n");
        assertThat(records.at("/rows/1/2/value").asInt()).isEqualTo(50);
        assertThat(records.at("/rows/1/0/type").asText()).isEqualTo("s");
        assertThat(records.get("columnWidths").size()).as("every column sized").isEqualTo(11);
        JsonNode figures = sheets.get("Figures");
        assertThat(figures.get("freezePanes").asText()).isEqualTo("A2");
        assertThat(figures.at("/rows/1/5/format").asText()).isEqualTo("0%");
        assertThat(figureRows(figures)).contains(
                "S1 | Your organisation | 7 | 8 | 0.875", "S1 | All organisations | not shown",
                "S2 | Your organisation | 5 | 8 | 0.625", "S2 | All organisations | not shown",
                "S4 | Your organisation | 2 | 4 | 0.5", "S4 | All organisations | not shown");
    }

    /**
     * Twenty organisations with 8 to 200 records; A (40 records, teams T01 and T02) reads its report.
     *
     * <pre>
     * S1, records / meeting it, and what A is shown of each other organisation (rounded records, share):
     *    8/8   100%, 10 records        9/4  hidden (4 meet)        12/6  hidden (6 meet)
     *   10/9  hidden (1 does not)     15/8  hidden (7 do not)      18/10  56%, 20
     *   20/12  60%, 20                25/17  68%, 25               27/12  44%, 25
     *   30/20  67%, 30                36/18  50%, 35               45/30  67%, 45
     *   50/40  80%, 50                60/50  83%, 60               75/45  60%, 75
     *   90/81  90%, 90               120/45  37.5% -> 38%, 120    150/135 90%, 150
     *  200/75  37.5% -> 38%, 200
     * A 27/40 = 67.5% -> 68%. National 652/1040 = 62.69% -> 63%; A +4.81 -> +5 points.
     * Funnel around p = 0.6269 (sd = sqrt(p(1-p)/n)): within 2 SD 18/10, 20/12, 25/17, 27/12, 30/20, 36/18,
     * 45/30, 75/45 (8); between 2 and 3 SD 8/8 (upper limits 0.969, 1.14) and 50/40 (0.764, 0.832) (2);
     * beyond 3 SD 60/50, 90/81, 120/45, 150/135, 200/75 (5); hidden 4. A: sd 0.0765, within.
     * 27/12 = 44.4% is within (lower 2 SD limit at 27 records 43.9%); placed by its rounded counts, 10 of
     * 25 = 40% against the 25-record limit of 43.1%, it would have read as an alert.
     * S2: A 30/40 = 75%, national 780/1040 = 75% exactly: level, and not a gap.
     * S3: every record meets it: 100% everywhere, no funnel limits. S4 applies to no record.
     * A's teams (records alternate): S1 T01 14/20 = 70%, T02 13/20 = 65%; S2 15/20 = 75% each.
     * </pre>
     */
    @Test
    void twentyOrganisationsFromEightToTwoHundredRecords() throws Exception {
        int[][] others = {{8, 8}, {9, 4}, {12, 6}, {10, 9}, {15, 8}, {18, 10}, {20, 12}, {25, 17}, {27, 12}, {30, 20},
                {36, 18}, {45, 30}, {50, 40}, {60, 50}, {75, 45}, {90, 81}, {120, 45}, {150, 135}, {200, 75}};
        int[] renal = {6, 6, 9, 7, 11, 13, 15, 18, 20, 22, 27, 33, 37, 45, 56, 67, 90, 112, 156}; // 750 of 1000
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        Map<String, Counts> counts = new LinkedHashMap<>();
        String a = fixture.member("England");
        counts.put(a, new Counts(40, 27, 30, 40, 0, 0));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < others.length; i++) {
            String code = fixture.member("England");
            codes.add(code);
            counts.put(code, new Counts(others[i][0], others[i][1], renal[i], others[i][0], 0, 0));
        }
        String link = run(cycle, counts).get(a);
        Map<String, String> aliases = analysis.aliases(cycle.id());
        String[] shown = new String[others.length];
        String[] expected = {"10 100%", "10 *", "10 *", "10 *", "15 *", "20 56%", "20 60%", "25 68%", "25 44%",
                "30 67%", "35 50%", "45 67%", "50 80%", "60 83%", "75 60%", "90 90%", "120 38%", "150 90%", "200 38%"};
        for (int i = 0; i < others.length; i++) {
            shown[i] = aliases.get(codes.get(i)) + " " + expected[i];
        }

        String page = PageText.words(mvc.perform(get(link)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String s1 = page.replaceAll(".*(S1: organisations side by side.*?)S2: Renal.*", "$1");
        assertThat(page).contains(
                "Based on 40 records from 2 teams in your organisation; 20 organisations took part",
                "S1: Serum lithium level measured in the past 3 months 100% 68% below target 63% +5 points",
                "S2: Renal function (eGFR) measured in the past 6 months 100% 75% below target 75% level",
                "S3: Thyroid function measured in the past 6 months 100% 100% 100% level",
                "S1 652 1040 63%", "S2 780 1040 75%", "S3 1040 1040 100%", "S4 0 0 –",
                "Your organisation (68% of 40 records) is within the 2 SD limits. Other organisations: 8 within 2 SD, "
                        + "2 between 2 and 3 SD, 5 beyond 3 SD. 4 organisation(s) not shown",
                "T01 14 of 20 70%", "T02 13 of 20 65%")
                .doesNotContain("Biggest gaps S2");
        assertThat(s1).contains(shown).contains("Your organisation 40 68%");

        String pdf = OtherReaders.pdfText(file(link + "/results.pdf")).replaceAll("\\s+", " ");
        assertThat(pdf).contains("40 records from 2 teams in your organisation; 20 organisations took part",
                "100% 68% 63% +5 points", "100% 75% 75% level", "S1 652 1040 63%", "S2 780 1040 75%",
                "8 within 2 SD, 2 between 2 and 3 SD, 5 beyond 3 SD", "T01 14 of 20 70%", "T02 13 of 20 65%")
                .contains(shown);

        JsonNode plan = OtherReaders.docx(file(link + "/action-plan.docx"));
        assertThat(rows(plan.at("/tables/0/rows"))).extracting(r -> r.get(0) + " | " + r.get(1))
                .containsExactly("Standard | Your result",
                        "S1: Serum lithium level measured in the past 3 months | 68% (27 of 40)",
                        "S2: Renal function (eGFR) measured in the past 6 months | 75% (30 of 40)");

        String slides = OtherReaders.libreOfficeText(Map.of("slides.pptx", file(link + "/slides.pptx")))
                .get("slides.pptx").replaceAll("\\s+", " ");
        assertThat(slides).contains("68% (27 of 40) 63% +5 points", "75% (30 of 40) 75% level",
                "Your organisation 68%", "Team T01 70%", "Team T02 65%");
        for (int i = 0; i < others.length; i++) {
            if (!expected[i].endsWith("*")) {
                assertThat(slides).contains(aliases.get(codes.get(i)) + " " + expected[i].split(" ")[1]);
            }
        }

        JsonNode figures = OtherReaders.xlsx(records(cycle, a)).get("Figures");
        assertThat(figureRows(figures)).contains("S1 | Your organisation | 27 | 40 | 0.675",
                "S1 | Team T01 | 14 | 20 | 0.7", "S1 | Team T02 | 13 | 20 | 0.65",
                "S1 | All organisations | 652 | 1040 | 0.626923", "S2 | All organisations | 780 | 1040 | 0.75");
    }

    /**
     * Runs a cycle for these organisations with these records: each joins, confirms teams T01 and T02,
     * uploads its records and submits; the cycle closes, is analysed and published.
     *
     * @return each organisation's link to its results, from the email that announced them
     */
    private Map<String, String> run(Cycle cycle, Map<String, Counts> organisations) {
        Map<String, String> csv = new LinkedHashMap<>();
        organisations.forEach((code, counts) -> csv.put(code, csv(counts)));
        return fixture.publishWith(cycle, csv);
    }

    /** Records 0, 1, 2 … alternate between T01 and T02; the first k of them meet a standard met k times. */
    private static String csv(Counts counts) {
        StringBuilder csv = new StringBuilder("team,pseudonym,age,lithiumStartedInLastYear,baselineRenal,baselineThyroid,"
                + "baselineWeight,serumLithiumLast3Months,lastLithiumLevel,renalLast6Months,thyroidLast6Months\n");
        for (int i = 0; i < counts.records(); i++) {
            boolean started = i < counts.started();
            boolean serum = i < counts.serum();
            csv.append(i % 2 == 0 ? "T01" : "T02").append(",P").append(i).append(",50,")
                    .append(yes(started)).append(',')
                    .append(started ? yes(i < counts.baselineMet()) : "").append(',')
                    .append(started ? "yes" : "").append(',').append(started ? "yes" : "").append(',')
                    .append(yes(serum)).append(',').append(serum ? "0.6" : "").append(',')
                    .append(yes(i < counts.renal())).append(',').append(yes(i < counts.thyroid())).append('\n');
        }
        return csv.toString();
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }


    private static String today() {
        return LocalDate.now(UkTime.ZONE).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    private static List<List<String>> rows(JsonNode rows) {
        List<List<String>> result = new ArrayList<>();
        rows.forEach(row -> {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.asText()));
            result.add(cells);
        });
        return result;
    }

    /** "S1 | Your organisation | 7 | 8 | 0.875": standard, who, and the three figures as numbers (shares to six places). */
    private static List<String> figureRows(JsonNode sheet) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : sheet.get("rows")) {
            if (row.get(3).get("type").asText().equals("n")) {
                double share = row.get(5).get("value").asDouble();
                String shareText = String.valueOf(Math.floor(share * 1e6) / 1e6).replaceAll("0+$", "");
                rows.add(row.get(0).get("value").asText() + " | " + row.get(2).get("value").asText() + " | "
                        + row.get(3).get("value").asInt() + " | " + row.get(4).get("value").asInt() + " | "
                        + shareText);
            } else if (!row.get(0).get("value").asText().equals("Standard")) {
                rows.add(row.get(0).get("value").asText() + " | " + row.get(2).get("value").asText() + " | "
                        + row.get(3).get("value").asText());
            }
        }
        return rows;
    }

    /** The workbook of the organisation's records and figures, as its signed-in lead downloads it. */
    private byte[] records(Cycle cycle, String organisation) throws Exception {
        return mvc.perform(get("/reports/" + cycle.id() + "/" + organisation + ".xlsx")
                        .with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private byte[] file(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
