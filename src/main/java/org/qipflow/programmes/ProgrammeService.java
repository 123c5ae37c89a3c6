package org.qipflow.programmes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Quality Improvement Programmes. */
@Service
public class ProgrammeService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

    private final ProgrammeRepository programmes;
    private final AuditDefinitions definitions;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository programmes, AuditDefinitions definitions, Clock clock) {
        this.programmes = programmes;
        this.definitions = definitions;
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
