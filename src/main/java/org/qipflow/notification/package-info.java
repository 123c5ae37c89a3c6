/**
 * Email through a transactional outbox: {@link org.qipflow.notification.Outbox} renders a template
 * from {@code mail-templates/} and stores the message in the caller's transaction; the relay sends it
 * with retries and back-off once an SMTP server is configured. Coordinators read every message on
 * the Outbox page, which is how the demo works without a mail server.
 */
package org.qipflow.notification;
