package org.qipflow.programmes;

/** A programme's outlier indicators or its allowance for over-dispersion changed. */
public record OutlierPolicyChanged(String programmeCode) {
}
