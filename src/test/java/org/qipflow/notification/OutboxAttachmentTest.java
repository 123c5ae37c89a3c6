package org.qipflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.qipflow.support.OtherReaders;
import org.qipflow.support.QipflowTest;
import org.qipflow.support.RunningApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A file sent with an email (an outlier letter's PDF) reaches a real SMTP server (GreenMail) as an
 * attachment beside the text and HTML alternatives, byte for byte, as Python's own email parser reads it.
 */
@QipflowTest
class OutboxAttachmentTest {

    @Autowired
    OutboxRepository messages;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    @Test
    void anAttachedPdfGoesOutAsAMixedPartBesideTheAlternatives() throws Exception {
        byte[] pdf = "%PDF-1.7\n% a letter\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Map<String, Object> model = new HashMap<>();
        for (String name : List.of("event", "organisationName", "standard", "cycleTitle", "detail", "currentFigures",
                "national", "reviewLink")) {
            model.put(name, name + " value");
        }
        Mail mail = new Mail("attachment-test:1", "attachment-test", "ceo@nhs.example", "outlier-team", model);
        transaction.executeWithoutResult(s -> outbox.enqueue(mail,
                new Attachment("outlier-letter-RX4-S1.pdf", "application/pdf", pdf)));
        transaction.executeWithoutResult(s -> assertThat(outbox.enqueue(mail,
                new Attachment("outlier-letter-RX4-S1.pdf", "application/pdf", pdf))).as("the same key: once").isFalse());
        long id = outbox.about(List.of("attachment-test")).get(0).id();
        assertThat(outbox.attachments(id)).hasSize(1);

        int port = RunningApp.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("localhost");
            sender.setPort(port);
            OutboxRelay relay = new OutboxRelay(messages, outbox, sender, clock, "qipflow <no-reply@qipflow.invalid>",
                    "programme-team@qipflow.invalid", Duration.ofMinutes(1));
            assertThat(relay.send(id)).isTrue();

            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            smtp.getReceivedMessages()[0].writeTo(raw);
            var body = OtherReaders.mail(raw.toByteArray()).get("body");
            assertThat(body.get("type").asText()).isEqualTo("multipart/mixed");
            assertThat(body.at("/parts/0/type").asText()).isEqualTo("multipart/alternative");
            assertThat(body.at("/parts/0/parts/0/type").asText()).isEqualTo("text/plain");
            assertThat(body.at("/parts/0/parts/1/type").asText()).isEqualTo("text/html");
            assertThat(body.at("/parts/1/type").asText()).isEqualTo("application/pdf");
            assertThat(body.at("/parts/1/filename").asText()).isEqualTo("outlier-letter-RX4-S1.pdf");
            assertThat(body.at("/parts/1/sha256").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        } finally {
            smtp.stop();
        }
    }
}
