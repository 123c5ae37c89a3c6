package org.qipflow.participation;

import java.time.Instant;

import org.qipflow.tasklink.TaskLink;

/**
 * A task link as the lead's pages use it: the cycle, the organisation and the task it is for, and for
 * a data query the question it answers. The one place that writes and reads a link's subject
 * ({@code cycle:12}) and purpose ({@code SUBMIT_DATA}, {@code ANSWER_QUERY:7}).
 *
 * @param queryId the data query the link answers, or null
 */
public record LeadLink(TaskLink link, long cycleId, String organisationCode, LeadTask task, Long queryId) {

    private static final String CYCLE = "cycle:";
    private static final String QUERY = "ANSWER_QUERY:";

    /** What every link of a cycle is about. */
    public static String subject(long cycleId) {
        return CYCLE + cycleId;
    }

    /** The purpose of a link that answers one data query. */
    public static String queryPurpose(long queryId) {
        return QUERY + queryId;
    }

    /** The link read as a lead link; null for one that is not (a sign-in link). */
    static LeadLink of(TaskLink link) {
        if (!link.subject().startsWith(CYCLE)) {
            return null;
        }
        long cycleId = Long.parseLong(link.subject().substring(CYCLE.length()));
        if (link.purpose().startsWith(QUERY)) {
            return new LeadLink(link, cycleId, link.organisationCode(), LeadTask.ANSWER_QUERY,
                    Long.parseLong(link.purpose().substring(QUERY.length())));
        }
        return new LeadLink(link, cycleId, link.organisationCode(), LeadTask.valueOf(link.purpose()), null);
    }

    public boolean usableAt(Instant now) {
        return link.usableAt(now);
    }
}
