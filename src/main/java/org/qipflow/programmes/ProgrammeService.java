package org.qipflow.programmes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        String normalisedCode = normaliseCode(code);
        String trimmedTitle = title == null ? "" : title.trim();
        String definition = auditDefinition == null ? "" : auditDefinition.trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (!CODE.matcher(normalisedCode).matches()) {
            problems.add(new FieldProblem("code", "Enter the programme code: 2 to 20 letters, digits or dashes, like QIP-7"));
        }
        if (trimmedTitle.isEmpty() || trimmedTitle.length() > 200) {
            problems.add(new FieldProblem("title", "Enter the programme's title, 200 characters or fewer"));
        }
        if (definitions.find(definition).isEmpty()) {
            problems.add(new FieldProblem("auditDefinition", "'" + definition + "' is not an audit definition; use one of "
                    + String.join(", ", definitions.all().stream().map(AuditDefinition::id).toList())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (programmes.findByCode(normalisedCode).isPresent()) {
            throw conflict(normalisedCode);
        }
        try {
            programmes.insert(normalisedCode, trimmedTitle, definition, clock.instant());
        } catch (DuplicateKeyException e) {
            throw conflict(normalisedCode);
        }
        return get(normalisedCode);
    }

    static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static ConflictException conflict(String code) {
        return new ConflictException("A programme with code " + code + " already exists");
    }
}
