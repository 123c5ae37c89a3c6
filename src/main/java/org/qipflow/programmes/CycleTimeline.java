package org.qipflow.programmes;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.qipflow.common.Dates;
import org.qipflow.common.FieldProblem;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.UkTime;
import org.qipflow.membership.Nation;
import org.qipflow.workingdays.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Derives a cycle's milestones from its data-collection start, as POMH-style programmes plan them:
 * materials a month ahead, four weeks of collection, submission closing four weeks after collection
 * ends, reports twelve weeks later. Derived dates that fall on a weekend or an English bank holiday
 * move to the next working day; dates the coordinator gives are kept as given.
 */
@Component
class CycleTimeline {

    static final LocalTime MATERIALS_TIME = LocalTime.of(9, 0);
    static final LocalTime DEADLINE_TIME = LocalTime.of(17, 0);
    /** National deadlines follow England's calendar; each organisation's own deadline follows its nation. */
    static final Nation DEADLINE_NATION = Nation.ENGLAND;

    private final WorkingDays workingDays;
    private final Period materialsLead;
    private final Period collection;
    private final Period submissionAfterCollection;
    private final Period reportAfterClose;

    CycleTimeline(WorkingDays workingDays,
            @Value("${qipflow.cycle.materials-lead:P1M}") Period materialsLead,
            @Value("${qipflow.cycle.data-collection:P4W}") Period collection,
            @Value("${qipflow.cycle.submission-after-collection:P4W}") Period submissionAfterCollection,
            @Value("${qipflow.cycle.report-after-close:P12W}") Period reportAfterClose) {
        this.workingDays = workingDays;
        this.materialsLead = materialsLead;
        this.collection = collection;
        this.submissionAfterCollection = submissionAfterCollection;
        this.reportAfterClose = reportAfterClose;
    }

    /** @param overrides milestones the coordinator set; every other one is derived from them */
    Milestones derive(ZonedDateTime dataCollectionStart, Map<Milestone, ZonedDateTime> overrides) {
        Map<Milestone, ZonedDateTime> dates = new EnumMap<>(Milestone.class);
        ZonedDateTime start = overrides.getOrDefault(Milestone.DATA_COLLECTION_START, dataCollectionStart)
                .withZoneSameInstant(UkTime.ZONE);
        dates.put(Milestone.DATA_COLLECTION_START, start);
        dates.put(Milestone.MATERIALS_DISPATCH, given(overrides, Milestone.MATERIALS_DISPATCH,
                () -> workingDay(start.minus(materialsLead).with(MATERIALS_TIME))));
        ZonedDateTime end = given(overrides, Milestone.DATA_COLLECTION_END, () -> start.plus(collection));
        dates.put(Milestone.DATA_COLLECTION_END, end);
        dates.put(Milestone.SUBMISSION_OPENS, given(overrides, Milestone.SUBMISSION_OPENS, () -> start));
        ZonedDateTime closes = given(overrides, Milestone.SUBMISSION_CLOSES,
                () -> workingDay(end.plus(submissionAfterCollection).with(DEADLINE_TIME)));
        dates.put(Milestone.SUBMISSION_CLOSES, closes);
        dates.put(Milestone.REPORT_DUE, given(overrides, Milestone.REPORT_DUE,
                () -> workingDay(closes.plus(reportAfterClose).with(DEADLINE_TIME))));
        Milestones milestones = new Milestones(dates);
        check(milestones);
        return milestones;
    }

    /** Milestones must follow each other; problems name the milestone's API key. */
    static void check(Milestones m) {
        List<FieldProblem> problems = new ArrayList<>();
        mustNotBeAfter(m, Milestone.MATERIALS_DISPATCH, Milestone.DATA_COLLECTION_START, problems);
        mustBeBefore(m, Milestone.DATA_COLLECTION_START, Milestone.DATA_COLLECTION_END, problems);
        mustBeBefore(m, Milestone.SUBMISSION_OPENS, Milestone.SUBMISSION_CLOSES, problems);
        mustNotBeAfter(m, Milestone.DATA_COLLECTION_START, Milestone.SUBMISSION_OPENS, problems);
        mustNotBeAfter(m, Milestone.DATA_COLLECTION_END, Milestone.SUBMISSION_CLOSES, problems);
        mustBeBefore(m, Milestone.SUBMISSION_CLOSES, Milestone.REPORT_DUE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void mustBeBefore(Milestones m, Milestone first, Milestone second, List<FieldProblem> problems) {
        if (!m.get(first).isBefore(m.get(second))) {
            problems.add(order(m, first, second, "before"));
        }
    }

    private static void mustNotBeAfter(Milestones m, Milestone first, Milestone second, List<FieldProblem> problems) {
        if (m.get(first).isAfter(m.get(second))) {
            problems.add(order(m, first, second, "on or before"));
        }
    }

    private static FieldProblem order(Milestones m, Milestone first, Milestone second, String relation) {
        return new FieldProblem("milestones." + second.key(), second.label() + " (" + Dates.format(m.get(second))
                + ") must come after " + first.label().toLowerCase(Locale.ROOT) + " ("
                + Dates.format(m.get(first)) + "): " + first.key() + " must be " + relation + " " + second.key());
    }

    private ZonedDateTime workingDay(ZonedDateTime moment) {
        return workingDays.onOrAfter(moment, DEADLINE_NATION);
    }

    private static ZonedDateTime given(Map<Milestone, ZonedDateTime> overrides, Milestone milestone,
            Supplier<ZonedDateTime> derived) {
        ZonedDateTime value = overrides.get(milestone);
        return value == null ? derived.get() : value.withZoneSameInstant(UkTime.ZONE);
    }
}
