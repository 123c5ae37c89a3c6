package org.qipflow.outliers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.qipflow.membership.OrganisationContacts;
import org.qipflow.notification.Outbox;
import org.qipflow.notification.OutboxMessage;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.ProgrammeService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.springframework.stereotype.Component;

/**
 * Rounds analysed from uploaded records with one organisation beyond S1's limits, whose people are
 * on record, and the links and emails its review sends. Four organisations of 20 records each.
 */
@Component
class OutlierFixture {

    private static final Pattern LINK = Pattern.compile("/outlier-links/[A-Za-z0-9_-]{43}");

    final AuditProcessFixture audits;
    final OutlierReviews reviews;
    private final ProgrammeService programmes;
    private final OrganisationContacts contacts;
    private final Outbox outbox;
    private final RuntimeService runtime;
    private final ManagementService management;

    OutlierFixture(AuditProcessFixture audits, OutlierReviews reviews, ProgrammeService programmes,
            OrganisationContacts contacts, Outbox outbox, RuntimeService runtime, ManagementService management) {
        this.audits = audits;
        this.reviews = reviews;
        this.programmes = programmes;
        this.contacts = contacts;
        this.outbox = outbox;
        this.runtime = runtime;
        this.management = management;
    }

    /** An analysed round and its flagged organisation. */
    record Flagged(Cycle cycle, String code, ProcessInstance round) {
    }

    /**
     * The flagged organisation meets S1 in {@code met} of its 20 records, the other three in 16 each.
     * With 2 met: 50 of 80 nationally, z = (0.1 − 0.625)/√(0.625·0.375/20) = −4.85, an alarm. With 8:
     * 56 of 80, z = (0.4 − 0.7)/√(0.7·0.3/20) = −2.93, an alert.
     */
    Flagged flagged(int met) {
        Cycle cycle = audits.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        programmes.setOutlierPolicy(cycle.programmeCode(), List.of("S1"), false);
        String code = audits.member("England");
        contacts.appoint(code, "CLINICAL", "Dr Clin " + code, "clinical." + code.toLowerCase() + "@nhs.example");
        contacts.appoint(code, "CHIEF_EXECUTIVE", "Ceri Chief " + code, "ceo." + code.toLowerCase() + "@nhs.example");
        contacts.appoint(code, "MEDICAL_DIRECTOR", "Dr Med " + code, "md." + code.toLowerCase() + "@nhs.example");
        Map<String, String> csv = new LinkedHashMap<>();
        csv.put(code, LithiumRecords.csv(20, met));
        for (String nation : List.of("Wales", "Scotland", "England")) {
            csv.put(audits.member(nation), LithiumRecords.csv(20, 16));
        }
        return new Flagged(cycle, code, audits.analyseWith(cycle, csv));
    }

    OutlierReview open(Flagged flagged) {
        return reviews.open(flagged.cycle().id(), flagged.code(), "S1", "coordinator");
    }

    ProcessInstance instance(long reviewId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(OutlierReviewProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(reviewId)).singleResult();
    }

    Job timer(long reviewId, String activityId) {
        return management.createJobQuery().processDefinitionKey(OutlierReviewProcess.KEY)
                .processInstanceId(historicInstanceId(reviewId)).activityId(activityId).timers().singleResult();
    }

    /** Fires a timer of the review as if its time had come. */
    void fire(long reviewId, String activityId) {
        Job timer = timer(reviewId, activityId);
        if (timer == null) {
            throw new AssertionError("No timer " + activityId + " is waiting");
        }
        management.executeJob(timer.getId());
    }

    /** The review's emails, as their recipients get them: links working. */
    List<OutboxMessage> mails(long reviewId) {
        return outbox.about(List.of("outlier-review:" + reviewId)).stream().map(outbox::withWorkingLinks).toList();
    }

    OutboxMessage mail(long reviewId, String template, String recipient) {
        return mails(reviewId).stream().filter(m -> m.template().equals(template) && m.recipient().equals(recipient))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("No " + template + " email to " + recipient));
    }

    /** The token of the link in the latest such email. */
    String token(long reviewId, String template, String recipient) {
        Matcher link = LINK.matcher(mail(reviewId, template, recipient).textBody());
        if (!link.find()) {
            throw new AssertionError("No link in the " + template + " email to " + recipient);
        }
        return link.group().substring("/outlier-links/".length());
    }

    static String lead(String code) {
        return code.toLowerCase() + "@nhs.example";
    }

    static String clinical(String code) {
        return "clinical." + code.toLowerCase() + "@nhs.example";
    }

    static String ceo(String code) {
        return "ceo." + code.toLowerCase() + "@nhs.example";
    }

    static String md(String code) {
        return "md." + code.toLowerCase() + "@nhs.example";
    }

    private String historicInstanceId(long reviewId) {
        ProcessInstance instance = instance(reviewId);
        return instance == null ? "none" : instance.getId();
    }
}
