package org.qipflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, oldest first, when an SMTP server is configured ({@code spring.mail.host}).
 * A failed message is retried with growing pauses (1, 2, 4 … minutes, at most an hour) until the
 * server takes it; nothing is dropped. Each node claims a message before sending it, so a cluster
 * sends each message once; the stable Message-ID lets mail clients drop a repeat after a crash.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final OutboxRepository messages;
    private final Outbox outbox;
    private final JavaMailSender sender;
    private final Clock clock;
    private final String from;
    private final String programmeTeam;
    private final Duration firstPause;

    OutboxRelay(OutboxRepository messages, Outbox outbox, JavaMailSender sender, Clock clock,
            @Value("${qipflow.mail.from}") String from, @Value("${qipflow.mail.coordinators}") String programmeTeam,
            @Value("${qipflow.mail.first-retry-after:PT1M}") Duration firstPause) {
        this.outbox = outbox;
        this.programmeTeam = programmeTeam;
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.firstPause = firstPause;
    }

    @Scheduled(fixedDelayString = "${qipflow.mail.relay-interval:PT5S}")
    void relay() {
        sendDue();
    }

    /** @return how many messages went out */
    int sendDue() {
        int sent = 0;
        for (long id : messages.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            if (messages.claim(id, now, now.plus(CLAIM)) && send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends one message; false when the server did not take it (it is retried later). */
    boolean send(long id) {
        OutboxMessage message = messages.find(id).orElseThrow();
        try {
            sender.send(mime(outbox.withWorkingLinks(message)));
            // the recipient has the links now; the stored copy keeps none, not even sealed
            messages.markSent(id, clock.instant(), LinkSeal.removeLinks(message.textBody()),
                    LinkSeal.removeLinks(message.htmlBody()));
            return true;
        } catch (MailException | MessagingException e) {
            Instant next = clock.instant().plus(pauseAfter(firstPause, message.attempts() + 1));
            messages.markFailed(id, next, abbreviate(e.getMessage()));
            log.warn("Email {} to {} not sent (attempt {}), next try at {}: {}", message.key(), message.recipient(),
                    message.attempts() + 1, next, e.getMessage());
            return false;
        }
    }

    /** 1, 2, 4 … times the first pause after each failed attempt, never more than an hour. */
    static Duration pauseAfter(Duration first, int attempts) {
        Duration pause = first.multipliedBy(1L << Math.min(attempts - 1, 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    /**
     * The message as mail programs expect it: plain text and HTML as alternatives, and an invitation
     * both as a third alternative ({@code text/calendar} with its method, which Outlook turns into
     * "add to calendar") and as an attached {@code .ics} for the others; other files (a letter's PDF)
     * as attachments beside it. Replies go to the programme
     * team; the headers say it was sent automatically, so out-of-office replies stay away.
     */
    private MimeMessage mime(OutboxMessage message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        mime.setFrom(new InternetAddress(from));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
        if (!message.recipient().equalsIgnoreCase(programmeTeam)) {
            mime.setReplyTo(InternetAddress.parse(programmeTeam));
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Auto-Response-Suppress", "All");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(message.textBody(), "text/plain; charset=UTF-8"));
        alternatives.addBodyPart(part(message.htmlBody(), "text/html; charset=UTF-8"));
        List<MimeBodyPart> attachments = new ArrayList<>();
        if (message.invitation() != null) {
            // calendar programs read the method from the part's type as well as from the file
            String method = message.invitation().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
            alternatives.addBodyPart(part(message.invitation(), "text/calendar; charset=UTF-8; method=" + method));
            MimeBodyPart invite = part(message.invitation(), "application/ics; name=invite.ics");
            invite.setDisposition(Part.ATTACHMENT);
            invite.setFileName(method.equals("CANCEL") ? "cancel.ics" : "invite.ics");
            attachments.add(invite);
        }
        for (Attachment file : outbox.attachments(message.id())) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.bytes(), file.contentType())));
            part.setDisposition(Part.ATTACHMENT);
            part.setFileName(file.fileName());
            attachments.add(part);
        }
        if (attachments.isEmpty()) {
            mime.setContent(alternatives);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (MimeBodyPart attachment : attachments) {
                mixed.addBodyPart(attachment);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        mime.setHeader("Message-ID", messageId(message.key()));
        return mime;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    static String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@qipflow>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String value = text == null ? "unknown error" : text;
        return value.length() > 1000 ? value.substring(0, 1000) : value;
    }
}
