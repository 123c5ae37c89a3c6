package org.qipflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.qipflow.support.QipflowTest;
import org.qipflow.support.RunningApp;

/**
 * qipflow as deployed: the whole application on its own port with the job executor running, sending
 * its email to a real SMTP server (GreenMail) that the browser journeys read.
 */
final class LiveQipflow implements AutoCloseable {

    static final String USER = QipflowTest.USER;
    static final String PASSWORD = QipflowTest.PASSWORD;

    private final GreenMail smtp;
    private final RunningApp app;
    private final int port;

    LiveQipflow() {
        int smtpPort = RunningApp.freePort();
        port = RunningApp.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // the job executor looks for due jobs at least every 2 s, so no journey waits on an idle back-off
        app = RunningApp.start("test", Map.of("server.port", port, "qipflow.base-url", "http://localhost:" + port,
                "spring.mail.host", "localhost", "spring.mail.port", smtpPort,
                "qipflow.mail.relay-interval", "PT0.2S", "camunda.bpm.job-execution.enabled", true,
                "camunda.bpm.job-execution.max-wait", 2000));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    <T> T bean(Class<T> type) {
        return app.bean(type);
    }

    /** The one email whose subject starts so, sent to this address; waits up to a minute for it. */
    MimeMessage awaitMail(String recipient, String subject) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> to(m).equalsIgnoreCase(recipient) && subject(m).startsWith(subject)).toList();
            if (!found.isEmpty()) {
                assertThat(found).as("emails '%s' to %s", subject, recipient).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No email '" + subject + "' reached " + recipient + "; received: "
                + Arrays.stream(smtp.getReceivedMessages()).map(m -> to(m) + " " + subject(m)).toList());
    }

    /** The email's HTML part, as a mail program would show it. */
    static String html(Part part) throws MessagingException, IOException {
        return find(part, "text/html").orElseThrow(() -> new AssertionError("no HTML part"));
    }

    private static Optional<String> find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        smtp.stop();
    }
}
