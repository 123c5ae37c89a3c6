package org.qipflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qipflow.support.Http;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.RunningApp;

/**
 * A cycle for three organisations from start to publication, over real HTTP and a real SMTP server
 * (GreenMail): every local lead works only from the links in their emails. The SMTP server starts
 * late, to show that no email is lost while it is down and each goes out once when it is back.
 */
class AuditCycleEndToEndTest {

    static final String ADMIN = "coordinator";
    static final String PASSWORD = "test-only-password";
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/tasks/[A-Za-z0-9_-]{43}");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    GreenMail smtp;
    RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void threeLeadsTakePartFromTheirEmailsAlone() throws Exception {
        int smtpPort = RunningApp.freePort();
        int port = RunningApp.freePort();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("qipflow.base-url", "http://localhost:" + port);
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", smtpPort);
        properties.put("qipflow.mail.relay-interval", "PT0.2S");
        properties.put("qipflow.mail.first-retry-after", "PT0.5S");
        properties.put("camunda.bpm.job-execution.enabled", true);
        app = RunningApp.start("test", properties);
        Http http = app.http();

        String cycleId = scheduleCycleForThreeOrganisations(http);

        // SMTP is down: the materials wait in the outbox, retried, none lost
        awaitOutbox(http, body -> body.split("Retrying \\(").length - 1 >= 3);
        // and anyone reading the database finds no link that works: only sealed ones
        assertThat(storedBodies()).isNotEmpty().allSatisfy(body -> assertThat(body).contains("/tasks/~")
                .doesNotContainPattern("/(tasks|leads/sign-in)/[A-Za-z0-9_-]{43}"));
        smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        List<MimeMessage> materials = awaitMails("Audit materials", 3);
        List<String> confirmLinks = linksFrom(materials);
        assertThat(confirmLinks).hasSize(3);
        // once sent, the stored copy has no link at all, not even sealed
        awaitSent(3);
        assertThat(storedBodies()).allSatisfy(body -> assertThat(body).contains("/tasks/(link removed)")
                .doesNotContain("/tasks/~").doesNotContainPattern("/tasks/[A-Za-z0-9_-]{43}"));
        // each carries its organisation's deadline as an invitation, in the form mail programs act on
        for (MimeMessage mail : materials) {
            String invite = invitation(mail);
            assertThat(invite.replace("\r\n ", "")).contains("METHOD:REQUEST", "SEQUENCE:0", "RSVP=FALSE",
                    "mailto:" + mail.getAllRecipients()[0], "UID:cycle-" + cycleId + "-EA", "-deadline@localhost",
                    "DTSTART;TZID=Europe/London:", "DTEND;TZID=Europe/London:", "TRANSP:TRANSPARENT");
            assertThat(mail.getContentType()).startsWith("multipart/mixed");
            jakarta.mail.Multipart mixed = (jakarta.mail.Multipart) mail.getContent();
            jakarta.mail.Multipart alternatives = (jakarta.mail.Multipart) mixed.getBodyPart(0).getContent();
            assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
            assertThat(List.of(alternatives.getBodyPart(0).getContentType(), alternatives.getBodyPart(1).getContentType(),
                    alternatives.getBodyPart(2).getContentType())).satisfiesExactly(
                            t -> assertThat(t).startsWith("text/plain"), t -> assertThat(t).startsWith("text/html"),
                            t -> assertThat(t).startsWith("text/calendar").contains("method=REQUEST"));
            assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
            assertThat(mail.getReplyTo()).extracting(Object::toString).containsExactly("programme-team@qipflow.invalid");
            assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(new net.fortuna.ical4j.data.CalendarBuilder().build(new StringReader(invite)).validate()
                    .hasErrors()).isFalse();
        }

        // as Python's own email parser and the icalendar package read one of them, with the deadline
        // the text gives: "Your organisation's submission deadline is Mon 3 May 2027 17:00."
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        materials.get(0).writeTo(raw);
        var read = OtherReaders.mail(raw.toByteArray());
        assertThat(read.get("replyTo").asText()).isEqualTo("programme-team@qipflow.invalid");
        assertThat(read.get("autoSubmitted").asText()).isEqualTo("auto-generated");
        var sent = read.get("body");
        assertThat(sent.get("type").asText()).isEqualTo("multipart/mixed");
        var alternatives = sent.at("/parts/0");
        assertThat(alternatives.get("type").asText()).isEqualTo("multipart/alternative");
        assertThat(alternatives.at("/parts/0/type").asText()).isEqualTo("text/plain");
        assertThat(alternatives.at("/parts/1/type").asText()).isEqualTo("text/html");
        assertThat(alternatives.at("/parts/2/type").asText()).isEqualTo("text/calendar");
        assertThat(alternatives.at("/parts/2/params/method").asText()).isEqualTo("REQUEST");
        assertThat(sent.at("/parts/1/filename").asText()).isEqualTo("invite.ics");
        var event = alternatives.at("/parts/2/calendar/events/0");
        Matcher stated = Pattern.compile("submission deadline is (\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2})")
                .matcher(alternatives.at("/parts/0/text").asText());
        assertThat(stated.find()).isTrue();
        ZonedDateTime start = ZonedDateTime.parse(event.get("start").asText());
        assertThat(start.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK)))
                .as("the invitation's start is the deadline the text states").isEqualTo(stated.group(1));
        assertThat(ZonedDateTime.parse(event.get("end").asText())).isEqualTo(start.plusMinutes(30));
        assertThat(event.get("transp").asText()).isEqualTo("TRANSPARENT");
        assertThat(event.at("/attendees/0/rsvp").asText()).isEqualTo("FALSE");
        assertThat(event.at("/attendees/0/address").asText()).isEqualTo("mailto:" + materials.get(0).getAllRecipients()[0]);
        var feed = OtherReaders.calendar(Http.anonymous(port).get("/calendar/programme.ics").body());
        assertThat(feed.get("events")).isNotEmpty().allSatisfy(e -> assertThat(e.get("end").isNull()).isFalse());

        // the materials the email names are there, for the clinicians: the form in words, the template
        String text = GreenMailUtil.getBody(materials.get(0)).replace("=\r\n", "");
        Matcher form = Pattern.compile("http://localhost:\\d+(/tasks/[A-Za-z0-9_-]{43})/audit-form\\.pdf").matcher(text);
        assertThat(form.find()).as("a link to the audit form").isTrue();
        HttpResponse<byte[]> pdf = Http.anonymous(port).getBytes(form.group(1) + "/audit-form.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(OtherReaders.pdfTextInReadingOrder(pdf.body()).replaceAll("\\s+", " ")).contains(
                "Was lithium started in the past 12 months?", "Only if lithium was started in the past 12 months.",
                "Serum lithium level measured in the past 3 months").doesNotContain("= true");
        HttpResponse<byte[]> template = Http.anonymous(port).getBytes(form.group(1) + "/template.xlsx");
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new ByteArrayInputStream(template.body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("team");
        }
        assertThat(Http.anonymous(port).get(form.group(1)).body()).contains("Audit materials", "The questions")
                .doesNotContain("Is your organisation taking part?");

        // a mail scanner following a link changes nothing
        HttpResponse<String> scanned = Http.anonymous(port).get(URI.create(confirmLinks.get(0)).getPath());
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(scanned.body()).contains("Is your organisation taking part?");
        assertThat(cycle(http, cycleId)).doesNotContain("\"status\":\"CONFIRMED\"");

        for (String link : confirmLinks) {
            HttpResponse<String> done = post(link, "/confirm", "takingPart=true&teams=" + enc("T01, T02"));
            assertThat(done.body()).contains("Taking part", "T01, T02");
        }
        assertThat(post(confirmLinks.get(0), "/confirm", "takingPart=false").body())
                .as("a used link acts no more").contains("This link has been used");

        List<String> submitLinks = linksFrom(awaitMails("Submission is open", 3));

        // the coordinator moves the deadline later: the same invitations come again, updated
        String later = LocalDate.now(ZoneId.of("Europe/London")).plusDays(70).toString();
        send(http, "PATCH", "/api/cycles/" + cycleId + "/milestones", "{\"submissionCloses\":\"" + later + "\"}", 200);
        for (MimeMessage mail : awaitMails("Dates changed", 3)) {
            String update = invitation(mail);
            String first = materials.stream().map(this::invitation)
                    .filter(m -> m.contains(line(update, "UID:"))).findFirst().orElseThrow();
            // on that day, or the next working day in the organisation's nation
            assertThat(update).contains("METHOD:REQUEST", "SEQUENCE:1", "T170000");
            assertThat(line(update, "DTSTART;TZID=Europe/London:"))
                    .isGreaterThanOrEqualTo("DTSTART;TZID=Europe/London:" + later.replace("-", "") + "T170000")
                    .isNotEqualTo(line(first, "DTSTART;TZID=Europe/London:"));
        }
        // the first lead's file has mistakes: nothing is stored until it is fixed
        HttpResponse<String> rejected = upload(submitLinks.get(0), """
                team,pseudonym,age,lithiumStartedInLastYear,baselineRenal,baselineThyroid,baselineWeight,serumLithiumLast3Months,lastLithiumLevel,renalLast6Months,thyroidLast6Months
                T01,P001,54,no,,,,yes,0.6,yes,yes
                T09,943 476 5919,forty,no,,,,yes,,yes,yes
                """);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.body()).contains("was not stored", "looks like an NHS, CHI", "not one of your registered teams",
                "is not a whole number");
        assertThat(records(http, cycleId, "EA1")).isEqualTo("[]");
        for (String link : submitLinks) {
            HttpResponse<String> stored = upload(link, """
                    team,pseudonym,age,lithiumStartedInLastYear,baselineRenal,baselineThyroid,baselineWeight,serumLithiumLast3Months,lastLithiumLevel,renalLast6Months,thyroidLast6Months
                    T01,P001,54,no,,,,yes,0.6,yes,yes
                    T02,P002,61,yes,yes,yes,no,no,,yes,no
                    """);
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).contains("2 added", "Records (2)");
        }
        for (String link : submitLinks) {
            assertThat(post(link, "/submit", "declaration=complete").body()).contains("Submitted");
        }
        assertThat(cycle(http, cycleId).split("\"status\":\"SUBMITTED\"", -1)).hasSize(4);

        // late submissions end: fire the cycle's timer, then review and publish
        ManagementService management = app.bean(ManagementService.class);
        String cycleInstance = app.bean(RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("audit-cycle").processInstanceBusinessKey(cycleId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(cycleInstance)
                .activityId("Timer_LateSubmissionsEnd").timers().singleResult().getId());
        awaitCycle(http, cycleId, body -> body.contains("\"closedAt\""));
        awaitReview(http, cycleId);

        List<String> resultLinks = linksFrom(awaitMails("Your results", 3));
        HttpResponse<String> results = Http.anonymous(port).get(URI.create(resultLinks.get(0)).getPath());
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body()).contains("Results of", "Submitted");

        // the stored copies of sent emails keep no working link
        assertThat(app.bean(org.qipflow.notification.Outbox.class).latest(50)).allSatisfy(m -> {
            assertThat(m.status().name()).isEqualTo("SENT");
            assertThat(LINK.matcher(m.textBody() + m.htmlBody()).find()).isFalse();
        });

        // each email went out exactly once, although the first attempts failed
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::messageId).distinct().count())
                .isEqualTo(smtp.getReceivedMessages().length);
    }

    private String scheduleCycleForThreeOrganisations(Http http) {
        send(http, "POST", "/api/programmes", "{\"code\":\"QIP-E2E\",\"title\":\"End to end\",\"auditDefinition\":\"lithium-monitoring\"}", 201);
        String start = Instant.now().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC).toString();
        String cycle = send(http, "POST", "/api/programmes/QIP-E2E/cycles",
                "{\"kind\":\"BASELINE\",\"dataCollectionStart\":\"" + start + "\"}", 201);
        String cycleId = cycle.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        for (String code : List.of("EA1", "EA2", "EA3")) {
            send(http, "POST", "/api/organisations", ("{\"code\":\"%s\",\"name\":\"Trust %s\",\"nation\":\"England\","
                    + "\"type\":\"NHS_TRUST\",\"localLead\":{\"name\":\"Lead %s\",\"email\":\"%s@nhs.example\","
                    + "\"jobTitle\":\"Pharmacist\"}}").formatted(code, code, code, code.toLowerCase()), 201);
            send(http, "POST", "/api/cycles/" + cycleId + "/participants", "{\"organisationCode\":\"" + code + "\"}", 201);
        }
        return cycleId;
    }

    private String send(Http http, String method, String path, String json, int expectedStatus) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(http.url(path)))
                .header("Authorization", Http.basic(ADMIN, PASSWORD)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private String cycle(Http http, String cycleId) {
        return http.get("/api/cycles/" + cycleId, ADMIN, PASSWORD).body();
    }

    /** A lead's browser: opens the link (GET shows the page and its CSRF token), then posts the form. */
    private HttpResponse<String> post(String link, String action, String form) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        String csrf = token.find() ? "&_csrf=" + enc(token.group(1)) : "";
        return browser.send(HttpRequest.newBuilder(URI.create(link + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + csrf)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String records(Http http, String cycleId, String organisation) {
        return http.get("/api/cycles/" + cycleId + "/organisations/" + organisation + "/records", ADMIN, PASSWORD).body();
    }

    /** A lead's browser uploading a CSV file from the submission page. */
    private HttpResponse<String> upload(String link, String csv) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).isTrue();
        String boundary = "qipflow-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"records.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return browser.send(HttpRequest.newBuilder(URI.create(link + "/records/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<MimeMessage> awaitMails(String subject, int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(subject))
                    .toList();
            if (found.size() >= count) {
                assertThat(found).hasSize(count);
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Fewer than " + count + " emails '" + subject + "' arrived");
    }

    private void awaitOutbox(Http http, Predicate<String> condition) throws InterruptedException {
        Http browser = Http.signedIn(app.port(), ADMIN, PASSWORD);
        for (int i = 0; i < 300; i++) {
            if (condition.test(browser.get("/outbox").body())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The outbox never showed the expected state");
    }

    private void awaitCycle(Http http, String cycleId, Predicate<String> condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.test(cycle(http, cycleId))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The cycle never reached the expected state: " + cycle(http, cycleId));
    }

    /** Publishing succeeds once the analysis has run and the review task is open. */
    private void awaitReview(Http http, String cycleId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> publish = http.send(HttpRequest.newBuilder(URI.create(http.url(
                    "/api/cycles/" + cycleId + "/publication"))).header("Authorization", Http.basic(ADMIN, PASSWORD))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (publish.statusCode() == 200) {
                return;
            }
            assertThat(publish.statusCode()).isEqualTo(409);
            Thread.sleep(100);
        }
        throw new AssertionError("The reports never became ready for review");
    }

    private List<String> linksFrom(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            Matcher link = LINK.matcher(GreenMailUtil.getBody(m));
            assertThat(link.find()).as("a link in " + subject(m)).isTrue();
            return link.group();
        }).toList();
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The calendar invitation in an email: the text/calendar alternative to its text and HTML. */
    private String invitation(MimeMessage message) {
        try {
            String found = calendarPart((jakarta.mail.Multipart) message.getContent());
            if (found != null) {
                return found;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No invitation in " + subject(message));
    }

    private static String calendarPart(jakarta.mail.Multipart parts) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                String found = calendarPart(inner);
                if (found != null) {
                    return found;
                }
            } else if (part.getContentType().startsWith("text/calendar")) {
                assertThat(part.getContentType()).contains("method=");
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every stored email body, read as anyone with access to the database could. */
    private List<String> storedBodies() {
        return app.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "select text_body || html_body from outbox_message where template = 'audit-materials'", String.class);
    }

    private void awaitSent(int count) throws InterruptedException {
        var jdbc = app.bean(org.springframework.jdbc.core.JdbcTemplate.class);
        for (int i = 0; i < 100 && jdbc.queryForObject("select count(*) from outbox_message where template = "
                + "'audit-materials' and status = 'SENT'", Integer.class) < count; i++) {
            Thread.sleep(100);
        }
    }
}
