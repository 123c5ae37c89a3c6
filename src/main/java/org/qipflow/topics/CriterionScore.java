package org.qipflow.topics;

import org.qipflow.common.Choice;

/** How well a topic meets one criterion, in the coordinator's judgement: 0, 1 or 2 points. */
public enum CriterionScore implements Choice {
    NOT_MET(0, "Not met"),
    PARTLY_MET(1, "Partly met"),
    MET(2, "Met");

    private final int points;
    private final String label;

    CriterionScore(int points, String label) {
        this.points = points;
        this.label = label;
    }

    public int points() {
        return points;
    }

    @Override
    public String label() {
        return label;
    }

    /** The most a topic can score over the eight criteria. */
    public static int most() {
        return MET.points * Criterion.values().length;
    }

    static CriterionScore ofPoints(int points) {
        for (CriterionScore score : values()) {
            if (score.points == points) {
                return score;
            }
        }
        throw new IllegalArgumentException("No score of " + points + " points");
    }
}
