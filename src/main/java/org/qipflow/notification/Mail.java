package org.qipflow.notification;

import java.util.Map;

/**
 * An email to write to the outbox.
 *
 * @param key       stable and unique for this message: writing the same key again has no effect
 * @param reference what the message is about, e.g. {@code cycle:12:RV3}, for "last email sent" views
 * @param template  name of a template pair in {@code mail-templates/} ({@code name.html}, {@code name.txt});
 *                  the text template's first line is {@code Subject: ...}
 */
public record Mail(String key, String reference, String recipient, String template, Map<String, Object> model) {
}
