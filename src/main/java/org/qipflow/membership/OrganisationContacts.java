package org.qipflow.membership;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qipflow.common.EmailAddresses;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's clinical contact, chief executive and medical director, with every earlier
 * appointment kept: outlier notifications and letters go to whoever holds the role at the time.
 */
@Service
public class OrganisationContacts {

    private static final int LONGEST_NAME = 200;

    private final OrganisationRepository organisations;
    private final OrganisationContactRepository contacts;
    private final Clock clock;

    OrganisationContacts(OrganisationRepository organisations, OrganisationContactRepository contacts, Clock clock) {
        this.organisations = organisations;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Whoever holds each role now; a role nobody holds is absent. */
    @Transactional(readOnly = true)
    public Map<ContactRole, OrganisationContact> current(String code) {
        Map<ContactRole, OrganisationContact> current = new EnumMap<>(ContactRole.class);
        contacts.history(organisation(code).id()).stream().filter(c -> c.until() == null)
                .forEach(c -> current.put(c.role(), c));
        return current;
    }

    /** Every appointment, current ones first, then newest first. */
    @Transactional(readOnly = true)
    public List<OrganisationContact> history(String code) {
        return contacts.history(organisation(code).id());
    }

    /**
     * Appoints someone to the role, ending the appointment before; appointing the person who already
     * holds it (the same name and address) changes nothing.
     *
     * @param role the role's name, {@code CLINICAL}, {@code CHIEF_EXECUTIVE} or {@code MEDICAL_DIRECTOR}
     */
    @Transactional
    public OrganisationContact appoint(String code, String role, String name, String email) {
        Organisation organisation = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        List<FieldProblem> problems = new ArrayList<>();
        ContactRole contactRole = role(role, problems);
        String trimmedName = name == null ? "" : name.trim();
        String trimmedEmail = email == null ? "" : email.trim();
        if (trimmedName.isEmpty()) {
            problems.add(new FieldProblem("name", "Enter the contact's name"));
        } else if (trimmedName.length() > LONGEST_NAME) {
            problems.add(new FieldProblem("name", "Enter a name of " + LONGEST_NAME + " characters or fewer"));
        }
        if (trimmedEmail.isEmpty()) {
            problems.add(new FieldProblem("email", "Enter the contact's email address"));
        } else if (!EmailAddresses.wellFormed(trimmedEmail)) {
            problems.add(new FieldProblem("email", EmailAddresses.WRONG_FORMAT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OrganisationContact holder = current(organisation.code()).get(contactRole);
        if (holder != null && holder.name().equals(trimmedName) && holder.email().equalsIgnoreCase(trimmedEmail)) {
            return holder;
        }
        contacts.end(organisation.id(), contactRole, clock.instant());
        contacts.insert(organisation.id(), contactRole, trimmedName, trimmedEmail, clock.instant());
        return current(organisation.code()).get(contactRole);
    }

    /** Ends the role's appointment, leaving it vacant; a vacant role stays so. */
    @Transactional
    public void vacate(String code, String role) {
        Organisation organisation = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        List<FieldProblem> problems = new ArrayList<>();
        ContactRole contactRole = role(role, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        contacts.end(organisation.id(), contactRole, clock.instant());
    }

    private static ContactRole role(String role, List<FieldProblem> problems) {
        try {
            return ContactRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("role", "Choose the role: clinical contact (CLINICAL), chief executive "
                    + "(CHIEF_EXECUTIVE) or medical director (MEDICAL_DIRECTOR)"));
            return null;
        }
    }

    private Organisation organisation(String code) {
        return organisations.findByCode(OrganisationValidator.normaliseCode(code)).orElseThrow(() -> notFound(code));
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No organisation has the code " + code);
    }
}
