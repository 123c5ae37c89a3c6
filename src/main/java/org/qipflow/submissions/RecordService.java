package org.qipflow.submissions;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.definitions.CheckedRecord;
import org.qipflow.definitions.PersonalDataGuard;
import org.qipflow.definitions.RecordChecker;
import org.qipflow.definitions.StandardFigure;
import org.qipflow.definitions.Standards;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit records of one organisation in one cycle: entry, upload, correction and deletion, each
 * checked against the cycle's audit definition and recorded in the history with who did it.
 */
@Service
public class RecordService {

    static final Pattern PSEUDONYM = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    /** The largest upload taken, in bytes; 20,000 records take about 2 MB. */
    public static final long MOST_UPLOAD_BYTES = UploadedFile.MOST_BYTES;

    private final RecordRepository records;
    private final RecordCsvReader csv;
    private final CycleService cycles;
    private final ProgrammeService programmes;
    private final AuditDefinitions definitions;
    private final Clock clock;

    RecordService(RecordRepository records, RecordCsvReader csv, CycleService cycles, ProgrammeService programmes,
            AuditDefinitions definitions, Clock clock) {
        this.records = records;
        this.csv = csv;
        this.cycles = cycles;
        this.programmes = programmes;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** The definition a cycle's records follow: its programme's, in the version the cycle was scheduled with. */
    @Transactional(readOnly = true)
    public AuditDefinition definitionOf(long cycleId) {
        var cycle = cycles.get(cycleId);
        return definitions.get(programmes.get(cycle.programmeCode()).auditDefinition(), cycle.definitionVersion());
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> list(long cycleId, String organisationCode) {
        return records.list(cycleId, organisationCode);
    }

    @Transactional(readOnly = true)
    public AuditRecord get(long cycleId, String organisationCode, long id) {
        return records.find(cycleId, organisationCode, id)
                .orElseThrow(() -> new NotFoundException("No record " + id + " for " + organisationCode));
    }

    /** Records so far, per organisation, for the submission tracker. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(long cycleId) {
        return records.countsByOrganisation(cycleId);
    }

    @Transactional(readOnly = true)
    public List<RecordChange> history(long cycleId, String organisationCode) {
        return records.history(cycleId, organisationCode);
    }

    /**
     * Adds a record, or replaces the one with the same team and pseudonym; every problem is reported
     * against its field ({@code team}, {@code pseudonym} or the field's name).
     */
    @Transactional
    public CheckedRecord save(long cycleId, String organisationCode, Collection<String> teams, Long recordId,
            String team, String pseudonym, Map<String, String> answers, String changedBy) {
        AuditDefinition definition = definitionOf(cycleId);
        // a correction keeps the record's team and pseudonym; only a new record chooses them
        AuditRecord correcting = recordId == null ? null : get(cycleId, organisationCode, recordId);
        String teamCode = correcting != null ? correcting.teamCode() : normalise(team);
        String key = correcting != null ? correcting.pseudonym() : normalise(pseudonym);
        List<FieldProblem> problems = new ArrayList<>(correcting != null ? List.of() : identity(team, pseudonym, teams));
        // on a form, answers to questions that no longer apply are dropped: a ticked radio cannot be cleared
        CheckedRecord checked = RecordChecker.check(definition, answers, RecordChecker.Unasked.DROP);
        problems.addAll(checked.errors());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Long existing = correcting != null ? Long.valueOf(correcting.id()) : records.list(cycleId, organisationCode)
                .stream().filter(r -> r.teamCode().equals(teamCode) && r.pseudonym().equals(key)).map(AuditRecord::id)
                .findFirst().orElse(null);
        records.write(cycleId, organisationCode, definition.id(), definition.version(),
                List.of(new RecordRepository.Row(existing, teamCode, key, Answers.canonical(definition, checked.values()))),
                changedBy, now());
        return checked;
    }

    @Transactional
    public void delete(long cycleId, String organisationCode, long id, String changedBy) {
        records.delete(get(cycleId, organisationCode, id), changedBy, now());
    }

    /**
     * Stores every row of a CSV upload, or none: any bad row rejects the file with every problem by
     * row and column. Rows are keyed by team and pseudonym, so the same file uploaded again changes
     * nothing.
     */
    @Transactional
    public UploadResult upload(long cycleId, String organisationCode, Collection<String> teams, InputStream file,
            String fileName, String changedBy) {
        AuditDefinition definition = definitionOf(cycleId);
        List<RecordCsvReader.ParsedRow> rows;
        try (UploadedFile upload = copyOf(file, fileName)) {
            rows = csv.read(definition, teams, upload);
        }
        Map<String, AuditRecord> existing = new HashMap<>();
        records.list(cycleId, organisationCode).forEach(r -> existing.put(r.teamCode() + "/" + r.pseudonym(), r));
        List<RecordRepository.Row> writes = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (RecordCsvReader.ParsedRow row : rows) {
            Map<String, String> answers = Answers.canonical(definition, row.values());
            AuditRecord current = existing.get(row.team() + "/" + row.pseudonym());
            if (current == null) {
                writes.add(new RecordRepository.Row(null, row.team(), row.pseudonym(), answers));
                created++;
            } else if (!current.answers().equals(answers)) {
                writes.add(new RecordRepository.Row(current.id(), row.team(), row.pseudonym(), answers));
                updated++;
            }
        }
        try {
            records.write(cycleId, organisationCode, definition.id(), definition.version(), writes, changedBy, now());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another upload for this organisation was stored at the same moment; "
                    + "nothing from this one was stored. Upload the file again");
        }
        return new UploadResult(created, updated, rows.size() - created - updated);
    }

    private static UploadedFile copyOf(InputStream file, String fileName) {
        try {
            return UploadedFile.copyOf(file, fileName);
        } catch (UploadedFile.FileProblem e) {
            throw new RejectedFileException(List.of(RowProblem.wholeFile(e.getMessage())));
        }
    }

    /** Each stored record checked again, with its warnings, for the data-quality views. */
    @Transactional(readOnly = true)
    public List<RecordQuality> quality(long cycleId, String organisationCode) {
        AuditDefinition definition = definitionOf(cycleId);
        return records.list(cycleId, organisationCode).stream()
                .map(r -> new RecordQuality(r, RecordChecker.check(definition, r.answers()))).toList();
    }

    /** The standards over this organisation's records (national and team figures come with reporting). */
    @Transactional(readOnly = true)
    public List<StandardFigure> figures(long cycleId, String organisationCode) {
        AuditDefinition definition = definitionOf(cycleId);
        return Standards.figures(definition, records.list(cycleId, organisationCode).stream()
                .map(r -> RecordChecker.storedValues(definition, r.answers())).toList());
    }

    static List<FieldProblem> identity(String team, String pseudonym, Collection<String> teams) {
        List<FieldProblem> problems = new ArrayList<>();
        String teamCode = normalise(team);
        if (teamCode.isEmpty()) {
            problems.add(new FieldProblem("team", "Choose the team the record belongs to"));
        } else if (!teams.contains(teamCode)) {
            problems.add(new FieldProblem("team", "'" + team.trim() + "' is not one of your registered teams: "
                    + String.join(", ", teams)));
        }
        String key = normalise(pseudonym);
        Optional<String> personal = PersonalDataGuard.pseudonymProblem(pseudonym);
        if (key.isEmpty()) {
            problems.add(new FieldProblem("pseudonym", "Enter the record's local pseudonym, such as P001"));
        } else if (personal.isPresent()) {
            problems.add(new FieldProblem("pseudonym", "This pseudonym " + personal.get()));
        } else if (!PSEUDONYM.matcher(key).matches()) {
            problems.add(new FieldProblem("pseudonym", "'" + pseudonym.trim() + "' is not a pseudonym: use up to 20 "
                    + "letters, digits or dashes that your team keeps locally, such as P001; never a name"));
        }
        return problems;
    }

    static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private Instant now() {
        // stored to the millisecond, so the history can find the rows this write touched
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
