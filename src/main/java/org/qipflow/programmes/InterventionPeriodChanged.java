package org.qipflow.programmes;

/** Published when a programme's intervention period changes, so a waiting timer can follow. */
public record InterventionPeriodChanged(String programmeCode) {
}
