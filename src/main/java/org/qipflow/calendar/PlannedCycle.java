package org.qipflow.calendar;

import java.time.LocalDate;

import org.qipflow.programmes.CycleKind;

/** A cycle in the yearly planner's draft: not scheduled until the planner is published. */
record PlannedCycle(long id, int year, String programmeCode, CycleKind kind, LocalDate dataCollectionStart) {
}
