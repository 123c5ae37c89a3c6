package org.qipflow.membership;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qipflow.common.ConflictException;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member organisations and their local leads. Every change runs in one transaction with the
 * matching process step, so the organisation and its renewal process never disagree.
 */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationChanges changes;
    private final MembershipRenewalProcess renewals;
    private final OrganisationCsvImport csvImport;
    private final MembershipRenewalSchedule schedule;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationChanges changes,
            MembershipRenewalProcess renewals, OrganisationCsvImport csvImport, MembershipRenewalSchedule schedule,
            Clock clock) {
        this.organisations = organisations;
        this.changes = changes;
        this.renewals = renewals;
        this.csvImport = csvImport;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** @param active true for members, false for deactivated organisations, null for all */
    @Transactional(readOnly = true)
    public List<Organisation> list(Boolean active) {
        return organisations.findAll(active);
    }

    @Transactional(readOnly = true)
    public Organisation get(String code) {
        return organisations.findByCode(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(String code) {
        return organisations.findByCode(OrganisationValidator.normaliseCode(code));
    }

    /**
     * The organisation, its row locked until the transaction ends: two requests acting for the same
     * organisation at the same moment then run one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Organisation> findForUpdate(String code) {
        return organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code));
    }

    /** The member organisations whose current local lead has this email address (case does not matter). */
    @Transactional(readOnly = true)
    public List<Organisation> ledBy(String email) {
        return organisations.findActiveLedBy(email);
    }

    /** The codes of the member organisations whose current local lead has this email address. */
    @Transactional(readOnly = true)
    public List<String> codesLedBy(String email) {
        return ledBy(email).stream().map(Organisation::code).toList();
    }

    /** Every local lead the organisation has had, the current one first. */
    @Transactional(readOnly = true)
    public List<LocalLead> leadHistory(String code) {
        return organisations.leadHistory(get(code).id());
    }

    @Transactional(readOnly = true)
    public MembershipCounts counts() {
        return new MembershipCounts(organisations.count(true), organisations.count(false),
                renewals.openRenewals().size());
    }

    @Transactional
    public Organisation create(OrganisationInput input) {
        OrganisationDetails details = OrganisationValidator.validate(input, today());
        if (organisations.findByCode(details.code()).isPresent()) {
            throw new ConflictException("An organisation with code " + details.code()
                    + " already exists; edit it instead of creating it again");
        }
        try {
            changes.insert(details);
        } catch (DuplicateKeyException e) {
            // another request created the same code between our check and our insert
            throw new ConflictException("An organisation with code " + details.code() + " already exists");
        }
        return get(details.code());
    }

    /**
     * Replaces the organisation's details. The code cannot change. A new local lead ends the current
     * nomination and is recorded next to it; sending the same details again changes nothing.
     *
     * @param expectedVersion the version the editor started from, or null to skip the check
     */
    @Transactional
    public Organisation update(String code, OrganisationInput input, Integer expectedVersion) {
        Organisation current = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        String givenCode = OrganisationValidator.normaliseCode(input.code());
        if (!givenCode.isEmpty() && !givenCode.equals(current.code())) {
            throw new InvalidInputException(OrganisationValidator.CODE,
                    "The code cannot be changed; this organisation is " + current.code());
        }
        OrganisationInput withCode = new OrganisationInput(current.code(), input.name(), input.nation(),
                input.type(), input.leadName(), input.leadEmail(), input.leadJobTitle(), input.membershipEnds());
        OrganisationDetails details = OrganisationValidator.validate(withCode, today());
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConflictException("Someone else changed " + current.name()
                    + " while you were editing it; reload the page to see their changes");
        }
        changes.apply(current, details);
        return get(current.code());
    }

    /** The API's PUT: new details and, when {@code active} is given, the membership status, all or nothing. */
    @Transactional
    public Organisation replace(String code, OrganisationInput input, Boolean active) {
        Organisation updated = update(code, input, null);
        if (Boolean.FALSE.equals(active)) {
            return deactivate(code);
        }
        return Boolean.TRUE.equals(active) ? reactivate(code) : updated;
    }

    @Transactional
    public Organisation deactivate(String code) {
        Organisation current = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        if (current.active()) {
            organisations.setActive(current.id(), false, now());
            renewals.cancel(current.code());
        }
        return get(current.code());
    }

    /** Brings a deactivated organisation back; a membership that ended meanwhile starts a new first term. */
    @Transactional
    public Organisation reactivate(String code) {
        Organisation current = organisations.findByCodeForUpdate(OrganisationValidator.normaliseCode(code))
                .orElseThrow(() -> notFound(code));
        if (!current.active()) {
            if (current.membershipEnds().isBefore(today())) {
                organisations.setMembershipEnds(current.id(), schedule.firstTermEnds(today()), now());
            }
            organisations.setActive(current.id(), true, now());
            renewals.start(current.code());
        }
        return get(current.code());
    }

    /**
     * Creates or updates one organisation per CSV row, all or nothing: a file with any bad row is
     * rejected whole with every problem listed by row and column.
     */
    @Transactional
    public ImportResult importCsv(InputStream csv) {
        List<OrganisationDetails> rows = csvImport.read(csv, today());
        int created = 0;
        int updated = 0;
        try {
            for (OrganisationDetails details : rows) {
                var existing = organisations.findByCodeForUpdate(details.code());
                if (existing.isEmpty()) {
                    changes.insert(details);
                    created++;
                } else if (changes.apply(existing.get(), details)) {
                    updated++;
                }
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Someone added one of these organisations while the file was being imported; "
                    + "nothing was imported, upload the file again");
        }
        return new ImportResult(created, updated, rows.size() - created - updated);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant();
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No organisation has the code " + code);
    }
}
