package org.qipflow.dissemination;

import java.time.Clock;

import org.qipflow.notification.Outbox;
import org.springframework.stereotype.Component;

/** What the service tasks of {@code report-sharing.bpmn} do, each in the transaction of its step. */
@Component
class ReportSharingSteps {

    private final ReportShareRepository shares;
    private final ReportSharingMails mails;
    private final Outbox outbox;
    private final Clock clock;

    ReportSharingSteps(ReportShareRepository shares, ReportSharingMails mails, Outbox outbox, Clock clock) {
        this.shares = shares;
        this.mails = mails;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code Task_SendReportLink}: the team's contact gets the report's link. */
    void sendLink(long shareId) {
        outbox.enqueue(mails.toTeam(shares.find(shareId).orElseThrow(), "shared", "report-shared"));
    }

    /** {@code Task_RemindTeam}: two weeks on and not acknowledged, a reminder with a fresh link. */
    void remind(long shareId) {
        shares.reminded(shareId, clock.instant());
        outbox.enqueue(mails.toTeam(shares.find(shareId).orElseThrow(), "reminder", "report-share-reminder"));
    }

    /** {@code Task_TellLead}: two weeks after the reminder, still not acknowledged. */
    void tellLeadUnacknowledged(long shareId) {
        shares.unacknowledged(shareId, clock.instant());
        outbox.enqueue(mails.toLead(shares.find(shareId).orElseThrow(), "unacknowledged", "report-share-unacknowledged"));
    }
}
