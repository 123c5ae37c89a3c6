package org.qipflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;
import org.qipflow.common.UkTime;
import org.qipflow.programmes.Cycle;
import org.qipflow.programmes.CycleKind;
import org.qipflow.programmes.CycleService;
import org.qipflow.programmes.Milestone;
import org.qipflow.programmes.Programme;
import org.qipflow.programmes.ProgrammeService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly planner: every programme's cycles in a year, as scheduled, plus the coordinators' draft
 * of cycles still to schedule. Drafts come from the screen or from {@code calendar/planner-YYYY.csv}
 * ({@code programme,kind,dataCollectionStart}); publishing schedules them all at once, so the feeds,
 * processes and emails follow.
 */
@Service
class Planner {

    /** Data collection starts at 09:00, as when a coordinator schedules a cycle by date only. */
    static final LocalTime COLLECTION_STARTS = LocalTime.of(9, 0);

    private final PlannedCycleRepository planned;
    private final ProgrammeService programmes;
    private final CycleService cycles;
    private final Clock clock;

    Planner(PlannedCycleRepository planned, ProgrammeService programmes, CycleService cycles, Clock clock) {
        this.planned = planned;
        this.programmes = programmes;
        this.cycles = cycles;
        this.clock = clock;
    }

    /** The year plan: scheduled cycles for everyone, drafts only when asked for (coordinators). */
    @Transactional(readOnly = true)
    YearPlan plan(int year, boolean withDrafts) {
        List<YearPlan.Item> items = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        for (Programme programme : programmes.list()) {
            titles.put(programme.code(), programme.title());
            for (Cycle cycle : cycles.cyclesOf(programme.code())) {
                if (YearPlan.touches(year, cycle.milestones())) {
                    items.add(new YearPlan.Item(cycle.title(), false, cycle.milestones()));
                }
            }
        }
        if (withDrafts) {
            for (PlannedCycle draft : drafts(year)) {
                items.add(new YearPlan.Item(draft.programmeCode() + " " + titles.get(draft.programmeCode()) + ": "
                        + draft.kind().label().toLowerCase(Locale.UK) + " (draft)", true, cycles.plan(draft.dataCollectionStart().atTime(COLLECTION_STARTS)
                        .atZone(UkTime.ZONE))));
            }
        }
        items.sort(Comparator.comparing(i -> i.milestones().get(Milestone.DATA_COLLECTION_START)));
        return YearPlan.of(year, items);
    }

    @Transactional(readOnly = true)
    List<PlannedCycle> drafts(int year) {
        return planned.drafts(year);
    }

    /** Adds one draft cycle; problems name the form field. */
    @Transactional
    void add(int year, String programme, String kind, String start) {
        List<FieldProblem> problems = new ArrayList<>();
        Draft draft = check(year, programme, kind, start, (field, value, message) -> problems.add(new FieldProblem(field, message)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        insert(year, draft);
    }

    @Transactional
    void remove(int year, long id) {
        planned.deleteDraft(year, id);
    }

    /** The planner file for the year, if the installation has one. */
    Optional<String> file(int year) {
        String name = fileName(year);
        return new ClassPathResource(name).exists() ? Optional.of(name) : Optional.empty();
    }

    /**
     * Replaces the year's drafts with the rows of {@code calendar/planner-YYYY.csv}; a file with any
     * bad row changes nothing and every problem is named by row and column.
     */
    @Transactional
    int loadFile(int year) {
        String name = fileName(year);
        try (InputStream in = new ClassPathResource(name).getInputStream();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<Draft> drafts = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setTrim(true).setIgnoreEmptyLines(true).get();
            for (CSVRecord row : format.parse(reader)) {
                int line = (int) row.getRecordNumber() + 1;
                Draft draft = check(year, value(row, "programme"), value(row, "kind"), value(row, "dataCollectionStart"),
                        (column, value, message) -> problems.add(new RowProblem(line, column, value, message)));
                if (draft != null) {
                    drafts.add(draft);
                }
            }
            if (!problems.isEmpty()) {
                throw new RejectedFileException(problems);
            }
            planned.deleteDrafts(year);
            drafts.forEach(d -> insert(year, d));
            return drafts.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schedules every draft of the year as a cycle; all or none. */
    @Transactional
    List<Cycle> publish(int year) {
        List<Cycle> scheduled = new ArrayList<>();
        for (PlannedCycle draft : drafts(year)) {
            Cycle cycle = cycles.schedule(draft.programmeCode(), draft.kind(),
                    draft.dataCollectionStart().atTime(COLLECTION_STARTS).atZone(UkTime.ZONE), Map.of());
            planned.markScheduled(draft.id(), cycle.id());
            scheduled.add(cycle);
        }
        return scheduled;
    }

    static String fileName(int year) {
        return "calendar/planner-" + year + ".csv";
    }

    private record Draft(String programme, CycleKind kind, LocalDate start) {
    }

    private interface Problems {
        void add(String field, String value, String message);
    }

    private Draft check(int year, String programme, String kind, String start, Problems problems) {
        Optional<Programme> found = programme.isBlank() ? Optional.empty()
                : programmes.list().stream().filter(p -> p.code().equalsIgnoreCase(programme.strip())).findFirst();
        if (found.isEmpty()) {
            problems.add("programme", programme, programme.isBlank() ? "Choose a programme"
                    : "No programme has the code " + programme + "; add it under Programmes first");
        }
        CycleKind cycleKind = null;
        try {
            cycleKind = CycleKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("kind", kind, "Choose BASELINE, REAUDIT or SUPPLEMENTARY, not '" + kind + "'");
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(start.strip());
            if (date.getYear() != year) {
                problems.add("dataCollectionStart", start, "Data collection must start in " + year + ", not on " + date);
                date = null;
            }
        } catch (DateTimeParseException e) {
            problems.add("dataCollectionStart", start, "Enter the date data collection starts as YYYY-MM-DD, not '" + start + "'");
        }
        return found.isEmpty() || cycleKind == null || date == null ? null : new Draft(found.get().code(), cycleKind, date);
    }

    private void insert(int year, Draft draft) {
        planned.insert(year, draft.programme(), draft.kind(), draft.start(), clock.instant());
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
    }
}
