package org.qipflow.programmes;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A cycle's timeline: one UK date-time per milestone. */
public record Milestones(Map<Milestone, ZonedDateTime> dates) {

    public Milestones {
        if (dates.size() != Milestone.values().length) {
            throw new IllegalArgumentException("Every milestone needs a date: " + dates.keySet());
        }
        dates = Collections.unmodifiableMap(new EnumMap<>(dates));
    }

    public ZonedDateTime get(Milestone milestone) {
        return dates.get(milestone);
    }

    public Milestones with(Map<Milestone, ZonedDateTime> changes) {
        Map<Milestone, ZonedDateTime> copy = new EnumMap<>(dates);
        copy.putAll(changes);
        return new Milestones(copy);
    }
}
