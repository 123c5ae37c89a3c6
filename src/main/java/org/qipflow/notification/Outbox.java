package org.qipflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Where every email starts: stored with the step that causes it, sent later by {@link OutboxRelay}. */
@Service
public class Outbox {

    private final OutboxRepository messages;
    private final MailTemplates templates;
    private final Clock clock;
    private final LinkSeal seal;

    Outbox(OutboxRepository messages, MailTemplates templates, Clock clock, LinkSeal seal) {
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
        this.seal = seal;
    }

    /**
     * Renders and stores the email in the current transaction, so it exists exactly when the step
     * that caused it commits. Its links are stored sealed (see {@link LinkSeal}).
     *
     * @return false if a message with this key was already stored (nothing is written then)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail) {
        return enqueue(mail, null);
    }

    /** The same, with a file attached (sent as a {@code multipart/mixed} part); null for none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail, Attachment attachment) {
        if (messages.exists(mail.key())) {
            return false;
        }
        MailTemplates.Rendered rendered = templates.render(mail.template(), worked(mail.model()));
        long id = messages.insert(mail, new MailTemplates.Rendered(rendered.subject(), seal.seal(rendered.text()),
                seal.seal(rendered.html())), clock.instant());
        if (attachment != null) {
            messages.attach(id, attachment);
        }
        return true;
    }

    /** The files that go with a message, as the relay sends them. */
    @Transactional(readOnly = true)
    public List<Attachment> attachments(long messageId) {
        return messages.attachments(messageId);
    }

    /** The model with every {@link Mail.Later} value worked out, in nested maps and lists too. */
    private static Map<String, Object> worked(Map<String, Object> model) {
        Map<String, Object> worked = new HashMap<>();
        model.forEach((name, value) -> worked.put(name, worked(value)));
        return worked;
    }

    @SuppressWarnings("unchecked")
    private static Object worked(Object value) {
        if (value instanceof Mail.Later<?> later) {
            return later.get();
        }
        if (value instanceof Map<?, ?> map) {
            return worked((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Outbox::worked).toList();
        }
        return value;
    }

    /** Whether a message with this key has been written, to decide before doing work for a new one. */
    @Transactional(readOnly = true)
    public boolean contains(String key) {
        return messages.exists(key);
    }

    /** When the last of these emails about this reference was written, if any was. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastWritten(String reference, Collection<String> templates) {
        return messages.lastWritten(reference, templates);
    }

    /**
     * The message with its links working, as the relay sends it. Only for where the email itself is
     * delivered: the relay, and the outbox page when there is no mail server (the demo).
     */
    public OutboxMessage withWorkingLinks(OutboxMessage message) {
        return new OutboxMessage(message.id(), message.key(), message.reference(), message.template(),
                message.recipient(), message.subject(), seal.open(message.textBody()), seal.open(message.htmlBody()),
                message.invitation(), message.status(), message.attempts(), message.nextAttemptAt(),
                message.lastError(), message.createdAt(), message.sentAt());
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> latest(int limit) {
        return messages.latest(limit);
    }

    @Transactional(readOnly = true)
    public OutboxMessage get(long id) {
        return messages.find(id).orElseThrow(() -> new NotFoundException("No message has the id " + id));
    }

    /** Every message about these references, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> about(Collection<String> references) {
        return messages.byReferences(references);
    }

    /** Emails still waiting after a failed attempt: the relay keeps trying, but someone should look. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> undelivered(int limit) {
        return messages.undelivered(limit);
    }

    @Transactional(readOnly = true)
    public long pending() {
        return messages.count(OutboxMessage.Status.PENDING);
    }
}
