package org.qipflow.dissemination;

import java.util.Optional;

import org.qipflow.tasklink.TaskLink;

/** A team contact's emailed link: it shows the organisation's report and takes the team's acknowledgement. */
final class ReportShareLink {

    static final String PURPOSE = "READ_REPORT";
    private static final String SUBJECT = "report-share:";

    private ReportShareLink() {
    }

    static String subject(long shareId) {
        return SUBJECT + shareId;
    }

    /** The share a link is for; empty for a link of another kind. */
    static Optional<Long> shareOf(TaskLink link) {
        return link.subject().startsWith(SUBJECT) && PURPOSE.equals(link.purpose())
                ? Optional.of(Long.parseLong(link.subject().substring(SUBJECT.length()))) : Optional.empty();
    }
}
