package org.qipflow.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.qipflow.common.UkTime;

/**
 * The main journeys in Chromium, one audit cycle from set-up to report: a coordinator sets up a
 * programme and a cycle (1), a local lead takes part from the emails alone on a phone (2), the
 * coordinator closes, reviews and publishes and the lead reads the report (3); and a member subscribes
 * to the calendar (4). Each act continues the one before; screenshots go to target/screenshots/.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysTest {

    static final String PROGRAMME = "QIP-42";
    static final String TITLE = "Lithium monitoring in community teams";
    static final String[] ORGANISATIONS = {"RXA", "RXB", "RXC"};
    static final String INTERVENTION = "Lithium monitoring: slides for team meetings";
    static final byte[] SLIDES = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    LiveQipflow qipflow;
    Chromium chromium;
    String cyclePath;

    @BeforeAll
    void start() throws Exception {
        qipflow = new LiveQipflow();
        chromium = new Chromium();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (qipflow != null) {
            qipflow.close();
        }
    }

    /**
     * An email in the page as a mail program shows it: in a blank page of its own, not written into the
     * qipflow page before it, whose Content-Security-Policy would otherwise apply to it.
     */
    static void showEmail(Page page, String html) {
        page.navigate("about:blank");
        page.setContent(html);
    }

    static String leadOf(String organisation) {
        return "lead." + organisation.toLowerCase() + "@nhs.example";
    }

    @Test
    @Order(1)
    void aCoordinatorSetsUpAProgrammeAndACycleForThreeOrganisations() {
        Looks looks = new Looks("1-coordinator");
        try (BrowserContext context = chromium.desktop()) {
            Page page = looks.watch(context.newPage());
            signIn(page, looks);

            // three member organisations from a CSV file
            nav(page, "Organisations");
            looks.at(page, "organisations");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import from CSV")).click();
            looks.at(page, "import");
            StringBuilder csv = new StringBuilder("code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n");
            for (String code : ORGANISATIONS) {
                csv.append(code).append(",").append(code).append(" Partnership NHS Trust,England,NHS trust,Lead of ")
                        .append(code).append(",").append(leadOf(code)).append(",Chief Pharmacist\n");
            }
            page.getByLabel("CSV file").setInputFiles(new FilePayload("members.csv", "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            assertThat(page.getByText("RXC Partnership NHS Trust")).isVisible();
            looks.at(page, "imported");

            // the programme and its baseline cycle, data collection started five weeks ago so submission is open
            nav(page, "Programmes");
            looks.at(page, "programmes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a programme")).click();
            looks.at(page, "new-programme");
            page.getByLabel("Programme code").fill(PROGRAMME);
            page.getByLabel("Title").fill(TITLE);
            page.getByLabel("Monitoring of patients prescribed lithium").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add programme")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile(TITLE))))
                    .isVisible();
            looks.at(page, "programme");
            page.getByLabel("Baseline").check();
            page.getByLabel("Data collection starts").fill(LocalDate.now(UkTime.ZONE).minusWeeks(5).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule round")).click();
            assertThat(page).hasURL(Pattern.compile("/cycles/\\d+$"));
            cyclePath = page.url().replaceFirst("^https?://[^/]+", "");
            looks.at(page, "cycle");

            for (String code : ORGANISATIONS) {
                page.getByLabel(code + " Partnership NHS Trust (" + code + ")").check();
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add selected organisations")).click();

            // the tracker: materials go out at once (the dispatch date has passed), and the table says so
            Locator rows = page.locator("table tbody tr");
            assertThat(rows).hasCount(3);
            Locator sent = rows.filter(new Locator.FilterOptions().setHasText("Audit materials"));
            for (int i = 0; i < 30 && sent.count() < 3; i++) {
                page.waitForTimeout(1000);
                page.reload();
            }
            assertThat(sent).hasCount(3);
            for (String code : ORGANISATIONS) {
                assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions()
                        .setName(Pattern.compile(code + " Partnership"))).getByText("Invited")).isVisible();
            }
            looks.at(page, "tracker", "cycle-tracker");
            looks.everyPageChecked();
        }
    }

    @Test
    @Order(2)
    void aLocalLeadTakesPartFromTheEmailsAloneOnAPhone() throws Exception {
        Looks looks = new Looks("2-local-lead");
        String lead = leadOf(ORGANISATIONS[0]);
        try (BrowserContext context = chromium.phone()) {
            Page page = looks.watch(context.newPage());
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(lead, "Audit materials")));
            looks.atEmail(page, "materials-email", "email-materials-phone");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confirm participation and register teams"))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Confirm participation")))).isVisible();
            looks.at(page, "confirm", "lead-confirm-phone");
            page.getByLabel("Yes, we are taking part").check();
            page.getByLabel("Team codes").fill("T01\nT02");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();
            assertThat(page.getByText("T02").first()).isVisible();
            looks.at(page, "confirmed");

            showEmail(page, LiveQipflow.html(qipflow.awaitMail(lead, "Submission is open")));
            looks.atEmail(page, "submission-email", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit audit data").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (0)"))).isVisible();
            looks.at(page, "records");

            addRecord(page, looks, "T01", "P001", "54", "No", "Yes", "0.6", "Yes", "Yes");
            addRecord(page, looks, "T02", "P002", "61", "No", "No", "", "Yes", "No");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (2)"))).isVisible();

            // a file with a mistake stores nothing and says where the mistake is
            String template = context.request().get(page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("CSV").setExact(true)).getAttribute("href")
                    .transform(qipflow::url)).text().lines().findFirst().orElseThrow();
            assertThat(template).startsWith("team,pseudonym,age,");
            String rows = template + "\n" + csvRow(template, "T01", "P003", "fifty") + "\n"
                    + csvRow(template, "T02", "P004", "38") + "\n";
            upload(page, rows);
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary).containsText("was not stored");
            assertThat(page.getByRole(AriaRole.TABLE).filter(new Locator.FilterOptions().setHasText("fifty")))
                    .isVisible();
            looks.at(page, "upload-error", "lead-upload-error-phone");
            summary.getByRole(AriaRole.LINK).first().click();
            assertThat(page.locator("#file")).isFocused();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (2)"))).isVisible();

            upload(page, rows.replace("fifty", "50"));
            assertThat(page.getByText("2 added")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (4)"))).isVisible();
            looks.at(page, "uploaded");

            page.getByLabel(Pattern.compile("are complete and ready for analysis")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit audit data")).click();
            assertThat(page.getByText(Pattern.compile("submitted", Pattern.CASE_INSENSITIVE)).first()).isVisible();
            looks.at(page, "submitted");
            looks.everyPageChecked();
        }
    }

    @Test
    @Order(3)
    void aLocalLeadTakesPartWithTheKeyboardAlone() throws Exception {
        Looks looks = new Looks("2-keyboard");
        String lead = leadOf(ORGANISATIONS[1]);
        try (BrowserContext context = chromium.desktop()) {
            Page page = looks.watch(context.newPage());
            Keyboard keys = new Keyboard(page);
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(lead, "Audit materials")));
            keys.tabTo("Confirm participation and register teams").press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Confirm participation")))).isVisible();
            looks.at(page, "confirm");
            keys.tabTo("Is your organisation taking part? / Yes, we are taking part").press("Space");
            keys.tabTo("Team codes, if you are taking part").type("T07");
            keys.tabTo("Send answer").press("Enter");
            assertThat(page.getByText("T07").first()).isVisible();
            looks.at(page, "confirmed");

            showEmail(page, LiveQipflow.html(qipflow.awaitMail(lead, "Submission is open")));
            keys.tabTo("Submit audit data").press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (0)"))).isVisible();
            looks.at(page, "records");
            keys.tabTo("Add a record").press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add a record"))).isVisible();
            looks.at(page, "record");
            keys.tabTo("Pseudonym").type("K001");
            keys.tabTo("Age (years)").type("45");
            keys.tabTo("Was lithium started in the past 12 months? / Yes").press("ArrowDown");    // moves to, and picks, No
            keys.tabTo("Was a serum lithium level measured in the past 3 months? / Yes").press("Space");
            keys.tabTo("Most recent serum lithium level (mmol/L)").type("0.8");
            keys.tabTo("Was renal function (eGFR) measured in the past 6 months? / Yes").press("Space");
            keys.tabTo("Was thyroid function measured in the past 6 months? / Yes").press("Space");
            keys.tabTo("Save record").press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Records (1)"))).isVisible();
            looks.at(page, "saved");
            keys.tabTo("Declaration / Our organisation's audit data for this cycle are complete and ready for analysis")
                    .press("Space");
            keys.tabTo("Submit audit data").press("Enter");
            assertThat(page.getByText(Pattern.compile("submitted", Pattern.CASE_INSENSITIVE)).first()).isVisible();
            looks.at(page, "submitted");
            looks.everyPageChecked();
        }
    }

    private static void addRecord(Page page, Looks looks, String team, String pseudonym, String age, String started,
            String levelMeasured, String level, String renal, String thyroid) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a record")).click();
        looks.at(page, "record-" + pseudonym);
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Team")).getByLabel(team).check();
        page.getByLabel("Pseudonym").fill(pseudonym);
        page.getByLabel("Age (years)").fill(age);
        answer(page, "Was lithium started in the past 12 months?", started);
        answer(page, "Was a serum lithium level measured in the past 3 months?", levelMeasured);
        page.getByLabel("Most recent serum lithium level (mmol/L)").fill(level);
        answer(page, "Was renal function (eGFR) measured in the past 6 months?", renal);
        answer(page, "Was thyroid function measured in the past 6 months?", thyroid);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save record")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(team + " / " + pseudonym)))
                .isVisible();
    }

    private static void answer(Page page, String question, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(question))
                .getByLabel(answer, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    /** A lithium record in the template's column order; {@code age} may carry the mistake. */
    private static String csvRow(String header, String team, String pseudonym, String age) {
        Map<String, String> values = Map.of("team", team, "pseudonym", pseudonym, "age", age,
                "lithiumStartedInLastYear", "no", "serumLithiumLast3Months", "yes", "lastLithiumLevel", "0.7",
                "renalLast6Months", "yes", "thyroidLast6Months", "yes");
        return Arrays.stream(header.split(",")).map(column -> values.getOrDefault(column.trim(), ""))
                .collect(Collectors.joining(","));
    }

    private static void upload(Page page, String csv) {
        page.getByLabel("Excel or CSV file").setInputFiles(new FilePayload("lithium-records.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
    }

    @Test
    @Order(4)
    void theCoordinatorClosesReviewsAndPublishesAndTheLeadReadsTheReport() throws Exception {
        Looks looks = new Looks("3-publication");
        try (BrowserContext context = chromium.desktop()) {
            Page page = looks.watch(context.newPage());
            signIn(page, looks);
            page.navigate(qipflow.url(cyclePath));
            assertThat(page.getByText("1 organisation has not submitted yet")).isVisible();
            looks.at(page, "cycle-open");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close submission now")).click();
            // the page shows the work in progress and refreshes itself until the reports wait for review;
            // with three organisations the work may be done before the page is drawn (CoordinatorPagesTest
            // checks the work-in-progress page itself)
            Locator working = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("…"));
            assertThat(working.or(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Review and publish")))).isVisible();
            if (working.isVisible()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                        "3-publication", "working.png")));
            }
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review and publish")))
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(60_000));
            looks.at(page, "review", "cycle-review");
            nav(page, "Home");
            assertThat(page.locator("#reviews + ul")).containsText(PROGRAMME);
            looks.at(page, "dashboard", "dashboard");
            page.goBack();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^national summary")))
                    .click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Results").setExact(true)))
                    .isVisible();
            looks.at(page, "results", "cycle-results");

            // S1 an outlier indicator: the round waiting for review is flagged at once
            page.navigate(qipflow.url("/programmes/" + PROGRAMME + "/outlier-policy"));
            page.getByLabel(Pattern.compile("^S1: ")).check();
            looks.at(page, "outlier-policy");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the outlier policy")).click();
            assertThat(page.getByText("Outlier indicators: S1, with binomial limits")).isVisible();
            looks.at(page, "programme-after-policy");
            page.navigate(qipflow.url(cyclePath + "/outliers"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^S1: "))))
                    .isVisible();
            // the organisations that submitted: the journeys before left one late
            assertThat(page.getByText(Pattern.compile("^All organisations: \\d+% \\(\\d+ of \\d+\\), over 2 "
                    + "organisations\\. Binomial limits around the national share; too few organisations"))).isVisible();
            looks.at(page, "outliers", "cycle-outliers");

            // a slide set in the catalogue, for the lead to find with the report
            page.navigate(qipflow.url("/programmes/" + PROGRAMME + "/interventions"));
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(INTERVENTION);
            page.getByLabel("Slide set").check();
            page.getByLabel("What it is and how teams use it").fill("Twenty minutes for a team meeting: what to check "
                    + "for people on lithium, and when.");
            page.getByLabel(Pattern.compile("^S1: ")).check();
            page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload(
                    "lithium slides.pdf", "application/pdf", SLIDES));
            looks.at(page, "intervention-form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the catalogue")).click();
            assertThat(page.getByText(INTERVENTION + " is in the catalogue")).isVisible();
            looks.at(page, "interventions", "programme-interventions");

            page.navigate(qipflow.url(cyclePath));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish reports")).click();
            assertThat(page.getByText("Reports published")).isVisible();
            // the page reloads itself while the publication's background work runs; look once it is done
            assertThat(page.locator("[data-qf-refresh]")).hasCount(0,
                    new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            looks.at(page, "published");
            looks.everyPageChecked();
        }

        Looks lead = new Looks("3-lead-report");
        try (BrowserContext context = chromium.phone()) {
            Page page = lead.watch(context.newPage());
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(leadOf(ORGANISATIONS[0]), "Your results")));
            lead.atEmail(page, "results-email", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open your results")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Results of")))).isVisible();
            lead.at(page, "report", "lead-report-phone");

            Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("These results as PDF")).click());
            assertThat(pdf.suggestedFilename()).endsWith(".pdf");
            assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
            Download plan = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Action plan to fill in (Word)")).click());
            assertThat(plan.suggestedFilename()).endsWith(".docx");
            assertThat(Files.readAllBytes(plan.path())).startsWith('P', 'K');
            Download slides = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName(INTERVENTION)).click());
            assertThat(slides.suggestedFilename()).isEqualTo("lithium slides.pdf");
            assertThat(Files.readAllBytes(slides.path())).isEqualTo(SLIDES);

            // later, the lead signs in to see every task and report in one place
            page.navigate(qipflow.url("/leads/sign-in"));
            lead.at(page, "sign-in");
            page.getByLabel("Email address").fill(leadOf(ORGANISATIONS[0]));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a sign-in link")).click();
            lead.at(page, "check-email");
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(leadOf(ORGANISATIONS[0]), "Your qipflow sign-in link")));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
            lead.at(page, "confirm-sign-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My tasks"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read your report"))).isVisible();
            lead.at(page, "my-tasks", "lead-my-tasks-phone");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read your report")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Results of " + PROGRAMME);
            lead.at(page, "report-signed-in");

            // the action plan, written on the phone: the slide set chosen, an action for each standard fallen short of
            page.goBack();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write and follow your action plan")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Action plan"))).isVisible();
            lead.at(page, "action-plan", "lead-action-plan-phone");
            page.getByLabel(INTERVENTION).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the interventions")).click();
            assertThat(page.getByText("Your chosen interventions are saved")).isVisible();
            List<String> shortfalls = page.locator("#standardId option").all().stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertThat(shortfalls).contains("S1");
            for (int i = 0; i < shortfalls.size(); i++) {
                page.getByLabel("Standard", new Page.GetByLabelOptions().setExact(true)).selectOption(shortfalls.get(i));
                page.getByLabel("What will be done").fill("Check a serum level is recorded for everyone on lithium");
                page.getByLabel("Owner's name").fill("Owner " + (i + 1));
                page.getByLabel("Owner's email address").fill(owner(i));
                page.getByLabel("Due by").fill(LocalDate.now().plusDays(40)
                        .format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")));
                page.getByLabel("How progress will be measured").fill("Share of records with a level in 3 months");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the action")).click();
                assertThat(page.getByText("The action is added to the plan")).isVisible();
            }
            lead.at(page, "action-plan-written");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the plan")).click();
            assertThat(page.getByText("The plan is submitted")).isVisible();
            lead.at(page, "action-plan-submitted");

            // and shares the report with a ward's team
            page.navigate(qipflow.url("/my/tasks"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Share the report with your teams")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Share the report with your teams"))).isVisible();
            lead.at(page, "share-report");
            page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).fill("Ward 7");
            page.getByLabel("Team contact's name").fill("Dee Contact");
            page.getByLabel("Team contact's email address").fill(TEAM_CONTACT);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the report")).click();
            assertThat(page.getByText("The report's link is on its way to Dee Contact for Ward 7")).isVisible();
            lead.at(page, "share-report-sent");
            lead.everyPageChecked();
        }

        // the ward's contact reads it on a phone and says when and where the team discussed it
        Looks team = new Looks("3-team-contact");
        try (BrowserContext context = chromium.phone()) {
            Page page = team.watch(context.newPage());
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(TEAM_CONTACT, "Your organisation's results")));
            team.atEmail(page, "report-shared-email", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the report")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Results of " + PROGRAMME);
            team.at(page, "shared-report", "team-report-phone");
            page.getByLabel("On", new Page.GetByLabelOptions().setExact(true)).fill(LocalDate.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")));
            page.getByLabel("Where", new Page.GetByLabelOptions().setExact(true)).fill("Team meeting");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
            team.at(page, "report-discussed");
            team.everyPageChecked();
        }

        // the first action's owner completes it from the email, on a phone
        Looks owner = new Looks("3-action-owner");
        try (BrowserContext context = chromium.phone()) {
            Page page = owner.watch(context.newPage());
            showEmail(page, LiveQipflow.html(qipflow.awaitMail(owner(0), "An action for you")));
            owner.atEmail(page, "action-email", "email-action-phone");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report on the action")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your action"))).isVisible();
            owner.at(page, "action", "owner-action-phone");
            page.getByLabel("Done", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel(Pattern.compile("^Note for ")).fill("Levels now checked at every clinic visit");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Thank you: the action is done"))).isVisible();
            owner.at(page, "action-done");
            owner.everyPageChecked();
        }
    }

    private static final String TEAM_CONTACT = "ward7@nhs.example";

    private static String owner(int index) {
        return "owner" + (index + 1) + "@" + ORGANISATIONS[0].toLowerCase() + ".example";
    }

    @Test
    @Order(5)
    void aMemberSubscribesToTheProgrammeCalendar() throws Exception {
        Looks looks = new Looks("4-calendar");
        try (BrowserContext context = chromium.desktop()) {
            Page page = looks.watch(context.newPage());
            page.navigate(qipflow.url("/calendar"));
            looks.at(page, "subscribe", "calendar");
            Locator webcal = page.locator("a[href^='webcal://']").first();
            assertThat(webcal).isVisible();
            String feed = webcal.getAttribute("href").replaceFirst("^webcal://[^/]+", "");

            APIResponse response = context.request().get(qipflow.url(feed));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().get("content-type")).startsWith("text/calendar");
            String ics = response.text();
            assertThat(new CalendarBuilder().build(new StringReader(ics)).validate().hasErrors()).isFalse();
            assertThat(ics).contains(PROGRAMME);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("planner", Pattern.CASE_INSENSITIVE))).first().click();
            assertThat(page.getByText(PROGRAMME).first()).isVisible();
            looks.at(page, "planner", "planner");
            looks.everyPageChecked();
        }
    }

    @Test
    @Order(6)
    void aMemberProposesATopicOnAPhoneAndTheCoordinatorScreensIt() throws Exception {
        Looks looks = new Looks("5-topics");
        String proposer = "pharmacist." + ORGANISATIONS[1].toLowerCase() + "@nhs.example";
        try (BrowserContext context = chromium.phone()) {
            Page page = looks.watch(context.newPage());
            page.navigate(qipflow.url("/topics"));
            looks.at(page, "topics");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Propose a topic")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the topic")).click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            looks.at(page, "propose-problems");
            page.getByLabel("Title").fill("Valproate in women of childbearing potential");
            page.getByLabel("The prescribing problem").fill("Pregnancy prevention is not always documented.");
            page.getByLabel("NICE guidance it relates to").fill("NG193");
            page.getByLabel("Why now").fill("A new MHRA safety alert.");
            page.getByLabel("Your name").fill("Sam Pharmacist");
            page.getByLabel("Your organisation").selectOption(ORGANISATIONS[1]);
            page.getByLabel("Your email address").fill(proposer);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the topic")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")))
                    .isVisible();
            looks.at(page, "check-email");

            showEmail(page, LiveQipflow.html(qipflow.awaitMail(proposer, "Confirm your email address")));
            looks.atEmail(page, "confirm-email", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
            looks.at(page, "confirm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
            assertThat(page.getByText("Your topic is with the programme team")).isVisible();
            looks.at(page, "confirmed");
            looks.everyPageChecked();
        }
        Looks screening = new Looks("5-topic-screening");
        try (BrowserContext context = chromium.desktop()) {
            Page page = screening.watch(context.newPage());
            signIn(page, screening);
            nav(page, "Topics");
            screening.at(page, "review");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Valproate in women of childbearing potential")).click();
            screening.at(page, "screen");
            page.locator("input[name='score.NICE_GUIDANCE'][value='MET']").check();
            page.getByLabel("Decline it").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Score \"High cost, volume or risk\"");
            screening.at(page, "screen-problems");
            for (String criterion : List.of("COST_VOLUME_RISK", "CLINICIAN_PRIORITY", "SERVICE_USER_PRIORITY",
                    "IMPROVES_CARE", "VARIATION", "CLEAR_STANDARDS", "PRACTICAL_DATA")) {
                page.locator("input[name='score." + criterion + "'][value='PARTLY_MET']").check();
            }
            page.getByLabel("If declined: why").fill("A national audit already covers this.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
            assertThat(page.getByText("The decision is recorded")).isVisible();
            assertThat(page.getByText("Declined").first()).isVisible();
            screening.at(page, "decided");
            screening.everyPageChecked();
        }
        assertThat(LiveQipflow.html(qipflow.awaitMail(proposer, "The topic you proposed"))).contains(
                "A national audit already covers this.");
    }

    private void signIn(Page page, Looks looks) {
        page.navigate(qipflow.url("/"));
        assertThat(page).hasURL(Pattern.compile("/login$"));
        looks.at(page, "sign-in");
        page.getByLabel("User name").fill(LiveQipflow.USER);
        page.getByLabel("Password").fill(LiveQipflow.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today"))).isVisible();
        looks.at(page, "home");
    }

    private static void nav(Page page, String item) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(item)).click();
    }
}
