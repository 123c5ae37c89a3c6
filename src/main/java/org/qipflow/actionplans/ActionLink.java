package org.qipflow.actionplans;

import java.util.Optional;

import org.qipflow.tasklink.TaskLink;

/** An action owner's emailed link: it lets its holder mark that one action done, blocked or changed. */
final class ActionLink {

    static final String PURPOSE = "WORK_ACTION";
    private static final String SUBJECT = "plan-action:";

    private ActionLink() {
    }

    static String subject(long actionId) {
        return SUBJECT + actionId;
    }

    /** The action a link is for; empty for a link of another kind. */
    static Optional<Long> actionOf(TaskLink link) {
        return link.subject().startsWith(SUBJECT) && PURPOSE.equals(link.purpose())
                ? Optional.of(Long.parseLong(link.subject().substring(SUBJECT.length()))) : Optional.empty();
    }
}
