package org.qipflow.notification;

/** A file sent with an email, e.g. a letter as PDF. */
public record Attachment(String fileName, String contentType, byte[] bytes) {
}
