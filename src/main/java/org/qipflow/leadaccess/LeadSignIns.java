package org.qipflow.leadaccess;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qipflow.common.PublicAddress;
import org.qipflow.membership.Organisation;
import org.qipflow.membership.OrganisationService;
import org.qipflow.notification.Mail;
import org.qipflow.notification.Outbox;
import org.qipflow.security.LeadPrincipal;
import org.qipflow.tasklink.TaskLink;
import org.qipflow.tasklink.TaskLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in links for local leads: sent only to an address that is some member's current lead, valid
 * for {@link #VALID_FOR}, used once, and at most one email per address in each five-minute window.
 */
@Service
class LeadSignIns {

    static final String PURPOSE = "SIGN_IN";
    static final Duration VALID_FOR = Duration.ofMinutes(30);
    private static final long EMAIL_WINDOW_SECONDS = 300;

    private final OrganisationService organisations;
    private final TaskLinks links;
    private final Outbox outbox;
    private final Clock clock;
    private final PublicAddress address;

    LeadSignIns(OrganisationService organisations, TaskLinks links, Outbox outbox, Clock clock, PublicAddress address) {
        this.organisations = organisations;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.address = address;
    }

    /**
     * Emails a sign-in link if the address is a current lead; says nothing either way to the asker.
     * The outbox key makes a second request in the same window write nothing, and the transaction
     * then takes back the link it issued.
     */
    @Transactional
    public void sendLink(String email) {
        String emailAddress = email.strip().toLowerCase(Locale.ROOT);
        List<Organisation> led = organisations.ledBy(emailAddress);
        if (led.isEmpty()) {
            return;
        }
        String key = "lead-sign-in:" + emailAddress + ":" + clock.instant().getEpochSecond() / EMAIL_WINDOW_SECONDS;
        if (outbox.contains(key)) {
            return;
        }
        String token = links.issue(led.get(0).code(), "lead:" + emailAddress, PURPOSE, VALID_FOR);
        outbox.enqueue(new Mail(key, null, led.get(0).localLead().email(), "lead-sign-in", Map.of(
                "leadName", led.get(0).localLead().name(),
                "organisations", led.stream().map(Organisation::name).toList(),
                "link", address.of("/leads/sign-in/" + token),
                "minutes", VALID_FOR.toMinutes())));
    }

    /** The link, if it is an unused, unexpired sign-in link. */
    @Transactional(readOnly = true)
    public Optional<TaskLink> usable(String token) {
        return links.find(token).filter(l -> l.purpose().equals(PURPOSE) && l.usableAt(clock.instant()));
    }

    /**
     * Uses up the link, atomically so two presses sign in once, ends any other outstanding sign-in link
     * of the same lead, and says who signs in: the organisations the address leads now, which may have
     * changed since the email was sent.
     */
    @Transactional
    public Optional<LeadPrincipal> redeem(String token) {
        Optional<TaskLink> link = links.find(token);
        if (link.isEmpty() || !links.useOnce(token, PURPOSE)) {
            return Optional.empty();
        }
        links.revokeSubject(link.get().subject(), PURPOSE);
        String email = link.get().subject().substring("lead:".length());
        LinkedHashSet<String> codes = new LinkedHashSet<>(organisations.ledBy(email).stream()
                .map(Organisation::code).toList());
        return codes.isEmpty() ? Optional.empty() : Optional.of(new LeadPrincipal(email, codes));
    }
}
