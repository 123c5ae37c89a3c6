package org.qipflow.notification;

import org.qipflow.tasklink.TaskLinks;

/** Removes working task links from stored or displayed copies of an email. */
final class Redaction {

    static final String REMOVED = "/tasks/(link removed)";

    private Redaction() {
    }

    static String links(String body) {
        return TaskLinks.LINK_PATH.matcher(body).replaceAll(REMOVED);
    }
}
