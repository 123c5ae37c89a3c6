package org.qipflow.membership;

import org.qipflow.common.Choice;

/** A coordinator's answer when a membership comes up for renewal; terms are whole membership years. */
public enum RenewalDecision implements Choice {
    RENEW_ONE_YEAR(1, "Renew for one year"),
    RENEW_THREE_YEARS(3, "Renew for three years"),
    END_MEMBERSHIP(0, "End the membership at the end of its term");

    private final int years;
    private final String label;

    RenewalDecision(int years, String label) {
        this.years = years;
        this.label = label;
    }

    public int years() {
        return years;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean renews() {
        return years > 0;
    }
}
