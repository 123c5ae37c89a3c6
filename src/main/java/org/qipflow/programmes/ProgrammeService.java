package org.qipflow.programmes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Quality Improvement Programmes. */
@Service
public class ProgrammeService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

    /** The longest intervention period a programme may have, in months. */
    static final int MOST_INTERVENTION_MONTHS = 36;

    private final ProgrammeRepository programmes;
    private final AuditDefinitions definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository programmes, AuditDefinitions definitions, ApplicationEventPublisher events,
            Clock clock) {
        this.programmes = programmes;
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Programme> list() {
        return programmes.findAll();
    }

    @Transactional(readOnly = true)
    public Programme get(String code) {
        return programmes.findByCode(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
    }

    /**
     * Locks the programme until the surrounding transaction ends, for work that must happen once per
     * programme however many nodes try it at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Programme lock(String code) {
        return programmes.findByCodeForUpdate(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
    }

    /** @param auditDefinition the id of the audit definition under {@code forms/} the cycles use */
    @Transactional
    public Programme create(String code, String title, String auditDefinition) {
        return insert(code, title, auditDefinition, true);
    }

    /**
     * A programme adopted from a topic, whose audit definition is still to be written: its baseline can
     * be scheduled once one is attached.
     */
    @Transactional
    public Programme createDraft(String code, String title) {
        return insert(code, title, null, false);
    }

    /** The problems a new programme's code and title would have, or none; and whether the code is free. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problemsWith(String code, String title) {
        List<FieldProblem> problems = codeAndTitle(normaliseCode(code), title);
        if (problems.isEmpty() && programmes.findByCode(normaliseCode(code)).isPresent()) {
            problems.add(new FieldProblem("code", "A programme with code " + normaliseCode(code)
                    + " already exists; choose another code"));
        }
        return problems;
    }

    /** Gives a draft programme the audit definition its cycles will use; a definition once attached stays. */
    @Transactional
    public Programme attachDefinition(String code, String auditDefinition) {
        Programme programme = programmes.findByCodeForUpdate(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
        if (programme.closedAt() != null) {
            throw new ConflictException(programme.code() + " is closed: it has no more rounds to use a definition");
        }
        String definition = auditDefinition == null ? "" : auditDefinition.trim();
        if (definition.equals(programme.auditDefinition())) {
            return programme;
        }
        if (programme.auditDefinition() != null) {
            throw new ConflictException(programme.code() + " already uses the audit definition "
                    + programme.auditDefinition() + "; its rounds must keep the same standards");
        }
        checkDefinition(definition).ifPresent(problem -> {
            throw new InvalidInputException(List.of(problem));
        });
        programmes.attachDefinition(programme.id(), definition);
        return get(programme.code());
    }

    /**
     * Sets how long members have, after a round's reports are published, to put changes in place
     * before the next round is due: 1 to {@value #MOST_INTERVENTION_MONTHS} months.
     */
    @Transactional
    public Programme setInterventionPeriod(String code, String months) {
        Programme programme = programmes.findByCodeForUpdate(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
        int value;
        try {
            value = Integer.parseInt(months == null ? "" : months.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > MOST_INTERVENTION_MONTHS) {
            throw new InvalidInputException("interventionMonths", "Enter the intervention period as a whole number of "
                    + "months from 1 to " + MOST_INTERVENTION_MONTHS + ", like 6");
        }
        if (value != programme.interventionMonths()) {
            programmes.setInterventionMonths(programme.id(), value);
            events.publishEvent(new InterventionPeriodChanged(programme.code()));
        }
        return get(programme.code());
    }

    @Transactional(readOnly = true)
    public OutlierPolicy outlierPolicy(String code) {
        return programmes.outlierPolicy(get(code).id());
    }

    /**
     * Sets which standards are outlier indicators (ids of the programme's audit definition; none is
     * allowed) and whether their limits allow for over-dispersion. Unpublished rounds are flagged again.
     */
    @Transactional
    public OutlierPolicy setOutlierPolicy(String code, List<String> indicators, boolean allowForOverdispersion) {
        Programme programme = programmes.findByCodeForUpdate(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
        List<String> ids = indicators == null ? List.of()
                : indicators.stream().filter(id -> id != null && !id.isBlank()).map(String::trim).distinct().toList();
        if (!ids.isEmpty() && programme.auditDefinition() == null) {
            throw new InvalidInputException("indicators", "Attach " + programme.code() + "'s audit definition first: "
                    + "outlier indicators are among its standards");
        }
        if (!ids.isEmpty()) {
            definitions.get(programme.auditDefinition()).unknownStandards(ids).ifPresent(problem -> {
                throw new InvalidInputException("indicators", problem);
            });
        }
        OutlierPolicy policy = new OutlierPolicy(ids, allowForOverdispersion);
        OutlierPolicy before = programmes.outlierPolicy(programme.id());
        if (!Set.copyOf(ids).equals(Set.copyOf(before.indicators()))
                || allowForOverdispersion != before.allowForOverdispersion()) {
            programmes.setOutlierPolicy(programme.id(), policy);
            events.publishEvent(new OutlierPolicyChanged(programme.code()));
        }
        return policy;
    }

    /**
     * Closes the programme: no more rounds. Refused while a round runs, whose reports would then have
     * nowhere to go; closing twice has one effect.
     */
    @Transactional
    public Programme close(String code) {
        Programme programme = programmes.findByCodeForUpdate(normaliseCode(code))
                .orElseThrow(() -> new NotFoundException("No programme has the code " + code));
        if (programme.closedAt() != null) {
            return programme;
        }
        programmes.cyclesOf(programme.id()).stream().filter(c -> c.publishedAt() == null).findFirst()
                .ifPresent(running -> {
                    throw new ConflictException(running.roundLabel() + " of " + programme.code() + " is still running: "
                            + "close the programme once its reports are published");
                });
        programmes.closeProgramme(programme.id(), clock.instant());
        events.publishEvent(new ProgrammeClosed(programme.code()));
        return get(programme.code());
    }

    private Programme insert(String code, String title, String auditDefinition, boolean definitionNeeded) {
        String normalisedCode = normaliseCode(code);
        String trimmedTitle = title == null ? "" : title.trim();
        String definition = auditDefinition == null ? "" : auditDefinition.trim();
        List<FieldProblem> problems = codeAndTitle(normalisedCode, trimmedTitle);
        if (definitionNeeded) {
            checkDefinition(definition).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (programmes.findByCode(normalisedCode).isPresent()) {
            throw conflict(normalisedCode);
        }
        try {
            programmes.insert(normalisedCode, trimmedTitle, definitionNeeded ? definition : null, clock.instant());
        } catch (DuplicateKeyException e) {
            throw conflict(normalisedCode);
        }
        events.publishEvent(new ProgrammeCreated(normalisedCode));
        return get(normalisedCode);
    }

    private static List<FieldProblem> codeAndTitle(String normalisedCode, String title) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!CODE.matcher(normalisedCode).matches()) {
            problems.add(new FieldProblem("code", "Enter the programme code: 2 to 20 letters, digits or dashes, like QIP-7"));
        }
        String trimmedTitle = title == null ? "" : title.trim();
        if (trimmedTitle.isEmpty() || trimmedTitle.length() > 200) {
            problems.add(new FieldProblem("title", "Enter the programme's title, 200 characters or fewer"));
        }
        return problems;
    }

    private Optional<FieldProblem> checkDefinition(String definition) {
        return definitions.find(definition).isPresent() ? Optional.empty()
                : Optional.of(new FieldProblem("auditDefinition", "'" + definition + "' is not an audit definition; use one of "
                        + String.join(", ", definitions.all().stream().map(AuditDefinition::id).toList())));
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static ConflictException conflict(String code) {
        return new ConflictException("A programme with code " + code + " already exists");
    }
}
