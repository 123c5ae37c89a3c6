package org.qipflow.security;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A local lead signed in through an emailed link: no password, no engine account, and sight of the
 * reports of the organisations they lead at the moment they signed in.
 */
public record LeadPrincipal(String email, Set<String> organisationCodes) implements Principal {

    @Override
    public String getName() {
        return email;
    }

    /** The lead signed in on this request, if it is a lead. */
    public static Optional<LeadPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LeadPrincipal lead
                ? Optional.of(lead) : Optional.empty();
    }

    /**
     * @param ledNow the organisations the lead's address leads at this moment
     * @throws AccessDeniedException (403) unless the lead still leads this organisation
     */
    public void check(String organisationCode, Collection<String> ledNow) {
        if (!leads(organisationCode, ledNow)) {
            throw new AccessDeniedException("You are not the local lead of " + organisationCode);
        }
    }

    /** Whether the lead still leads this organisation: signed in for it, and not replaced since. */
    public boolean leads(String organisationCode, Collection<String> ledNow) {
        return organisationCodes.contains(organisationCode) && ledNow.contains(organisationCode);
    }
}
