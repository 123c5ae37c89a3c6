package org.qipflow.tasklink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues and recognises task links. The raw token exists only in the email; the database has its hash. */
@Service
public class TaskLinks {

    /** No link works longer than this, whatever it is for: a link may sit in a forwarded email. */
    public static final Duration LONGEST = Duration.ofDays(30);

    private final TaskLinkRepository links;
    private final Clock clock;

    TaskLinks(TaskLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * A new link, which ends every earlier one for the same organisation, subject and purpose: only the
     * latest link sent for a task works.
     *
     * @param validFor how long it works, at most {@link #LONGEST}
     * @return the raw token to put in the link; it cannot be recovered later
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(String organisationCode, String subject, String purpose, Duration validFor) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        links.revoke(organisationCode, subject, purpose, now, true);
        Duration lifetime = validFor.compareTo(LONGEST) > 0 ? LONGEST : validFor;
        links.insert(Tokens.hash(token), organisationCode, subject, purpose, now, now.plus(lifetime));
        return token;
    }

    /** The link a token stands for, whether or not it can still be used; empty for a token never issued. */
    @Transactional(readOnly = true)
    public Optional<TaskLink> find(String token) {
        return Tokens.wellFormed(token) ? links.findByHash(Tokens.hash(token)) : Optional.empty();
    }

    /**
     * Uses up a single-use link: true for exactly one caller while it is unused and unexpired, however
     * many present it at the same moment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean useOnce(String token, String purpose) {
        return Tokens.wellFormed(token) && links.useOnce(Tokens.hash(token), purpose, clock.instant());
    }

    /** Ends every link of this organisation for this subject and purpose, e.g. once the task is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revoke(String organisationCode, String subject, String purpose) {
        links.revoke(organisationCode, subject, purpose, clock.instant(), false);
    }

    /** Ends every link for this subject and purpose, whichever organisation holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeSubject(String subject, String purpose) {
        links.revokeSubject(subject, purpose, clock.instant());
    }

    /** Ends every link of the organisation, e.g. when its local lead changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeAll(String organisationCode) {
        links.revokeAll(organisationCode, clock.instant());
    }
}
