package org.qipflow.workingdays;

import java.time.LocalDate;

import org.qipflow.membership.Nation;

/** A day the programme team closes: for every nation when {@code nation} is null. */
public record ClosureDay(long id, LocalDate date, Nation nation, String name) {

    boolean closes(LocalDate day, Nation of) {
        return date.equals(day) && (nation == null || nation == of);
    }
}
