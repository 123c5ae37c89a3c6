package org.qipflow.interventions;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.qipflow.common.ConflictException;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.definitions.AuditDefinition;
import org.qipflow.definitions.AuditDefinitions;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme's change interventions: added and withdrawn by coordinators, offered to leads. */
@Service
public class InterventionCatalogue {

    private static final int LONGEST_TITLE = 200;
    private static final int LONGEST_DESCRIPTION = 4000;

    private final InterventionRepository interventions;
    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final AuditDefinitions definitions;
    private final Clock clock;

    InterventionCatalogue(InterventionRepository interventions, ProgrammeService programmes, CycleService cycles,
            AuditDefinitions definitions, Clock clock) {
        this.interventions = interventions;
        this.programmes = programmes;
        this.cycles = cycles;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** What a new intervention is given, as typed; {@code file} is null for a link. */
    public record Submission(String title, String kind, String description, String link, String roundNumber,
            List<String> standards, String fileName, InputStream file) {
    }

    /** The programme's interventions in use, newest first. */
    @Transactional(readOnly = true)
    public List<ChangeIntervention> of(String programmeCode) {
        return interventions.ofProgramme(programmes.get(programmeCode).id(), false);
    }

    /**
     * The programme's interventions for an organisation's report: those addressing a standard it fell
     * short of first, then the others, each group newest first.
     */
    @Transactional(readOnly = true)
    public List<Offer> forReport(String programmeCode, Collection<String> fellShortOf) {
        return of(programmeCode).stream()
                .map(i -> new Offer(i, i.standards().stream().anyMatch(fellShortOf::contains)))
                .sorted(Comparator.comparing(offer -> !offer.forShortfall())).toList();
    }

    /** An intervention as a report offers it: whether it addresses a standard the organisation fell short of. */
    public record Offer(ChangeIntervention intervention, boolean forShortfall) {
    }

    @Transactional(readOnly = true)
    public ChangeIntervention get(long id) {
        return interventions.find(id).orElseThrow(() -> new NotFoundException("No change intervention has the id " + id));
    }

    /** The file of an intervention that has one. */
    @Transactional(readOnly = true)
    public byte[] file(long id) {
        return interventions.fileBytes(id)
                .orElseThrow(() -> new NotFoundException("Change intervention " + id + " is a link, not a file"));
    }

    /** Adds an intervention; nothing is stored unless every field is right. */
    @Transactional
    public ChangeIntervention add(String programmeCode, Submission submission) {
        Programme programme = programmes.lock(programmeCode);
        Checked checked = checked(programme, submission, null);
        return get(interventions.insert(programme.id(), checked.input(), checked.file(), clock.instant()));
    }

    /**
     * Changes an intervention in use. Without a new file or link it keeps its file; a link given
     * replaces a file, and a file a link. Nothing changes unless every field is right.
     */
    @Transactional
    public ChangeIntervention change(String programmeCode, long id, Submission submission) {
        Programme programme = programmes.lock(programmeCode);
        ChangeIntervention existing = inCatalogue(programme, id);
        if (existing.withdrawnAt() != null) {
            throw new ConflictException(existing.title() + " was withdrawn: add it to the catalogue again instead");
        }
        Checked checked = checked(programme, submission, existing);
        interventions.update(id, checked.input(), checked.file(), checked.keepFile());
        return get(id);
    }

    /** What a submission would store: the checked fields, a new file if any, and whether the old file stays. */
    private record Checked(InterventionInput input, InterventionFile file, boolean keepFile) {
    }

    private Checked checked(Programme programme, Submission submission, ChangeIntervention existing) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = trimmed(submission.title());
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "Enter the intervention's title"));
        } else if (title.length() > LONGEST_TITLE) {
            problems.add(new FieldProblem("title", "Enter a title of " + LONGEST_TITLE + " characters or fewer"));
        }
        InterventionKind kind = kind(submission.kind(), problems);
        String description = trimmed(submission.description());
        if (description.isEmpty()) {
            problems.add(new FieldProblem("description", "Say what the intervention is and how teams use it"));
        } else if (description.length() > LONGEST_DESCRIPTION) {
            problems.add(new FieldProblem("description", "Enter a description of " + LONGEST_DESCRIPTION
                    + " characters or fewer"));
        }
        List<String> standards = standards(programme, submission.standards(), problems);
        Integer round = round(programme, submission.roundNumber(), problems);
        String link = trimmed(submission.link());
        boolean hasFile = submission.fileName() != null && !submission.fileName().isBlank();
        boolean keepFile = existing != null && existing.file() && link.isEmpty() && !hasFile;
        InterventionFile file = null;
        if (link.isEmpty() && !hasFile && !keepFile) {
            problems.add(new FieldProblem("file", "Upload the intervention's file, or give a link to it"));
        } else if (!link.isEmpty() && hasFile) {
            problems.add(new FieldProblem("link", "Give a link or upload a file, not both"));
        } else if (!link.isEmpty()) {
            checkLink(link, problems);
        } else if (hasFile) {
            try {
                file = InterventionFile.read(submission.fileName(), submission.file());
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(new InterventionInput(title, kind, description, link.isEmpty() ? null : link, round,
                standards), file, keepFile);
    }

    private ChangeIntervention inCatalogue(Programme programme, long id) {
        ChangeIntervention intervention = get(id);
        if (!intervention.programmeCode().equals(programme.code())) {
            throw new NotFoundException("Change intervention " + id + " is not in " + programme.code() + "'s catalogue");
        }
        return intervention;
    }

    /** Takes an intervention out of the catalogue; plans that chose it keep it. Twice has one effect. */
    @Transactional
    public void withdraw(String programmeCode, long id) {
        inCatalogue(programmes.get(programmeCode), id);
        interventions.withdraw(id, clock.instant());
    }

    /** An intervention of this programme's catalogue, withdrawn or not. */
    @Transactional(readOnly = true)
    public ChangeIntervention get(String programmeCode, long id) {
        return inCatalogue(programmes.get(programmeCode), id);
    }

    private static InterventionKind kind(String kind, List<FieldProblem> problems) {
        try {
            return InterventionKind.valueOf(trimmed(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "Choose what kind of intervention it is"));
            return null;
        }
    }

    private List<String> standards(Programme programme, List<String> chosen, List<FieldProblem> problems) {
        List<String> ids = chosen == null ? List.of() : chosen.stream().map(InterventionCatalogue::trimmed)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (programme.auditDefinition() == null) {
            problems.add(new FieldProblem("standards", "Attach " + programme.code() + "'s audit definition first: "
                    + "interventions address its standards"));
            return ids;
        }
        AuditDefinition definition = definitions.get(programme.auditDefinition());
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("standards", "Choose the standards the intervention helps meet"));
        }
        definition.unknownStandards(ids).ifPresent(problem -> problems.add(new FieldProblem("standards", problem)));
        return definition.standardIds(ids);
    }

    private Integer round(Programme programme, String roundNumber, List<FieldProblem> problems) {
        String value = trimmed(roundNumber);
        if (value.isEmpty()) {
            return null;
        }
        List<Integer> rounds = cycles.cyclesOf(programme.code()).stream().map(c -> c.number()).toList();
        try {
            int round = Integer.parseInt(value);
            if (rounds.contains(round)) {
                return round;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(new FieldProblem("roundNumber", rounds.isEmpty()
                ? programme.code() + " has no rounds yet: leave the round empty"
                : "Choose one of " + programme.code() + "'s rounds, " + rounds.stream().map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElse("") + ", or leave it empty"));
        return null;
    }

    /** An https address anyone in the NHS can open: no other scheme, no credentials in it. */
    private static void checkLink(String link, List<FieldProblem> problems) {
        try {
            URI uri = new URI(link);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null
                    && link.length() <= 2000) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // named below
        }
        problems.add(new FieldProblem("link", "Enter the link as a full https address, like "
                + "https://www.example.nhs.uk/lithium-leaflet"));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
