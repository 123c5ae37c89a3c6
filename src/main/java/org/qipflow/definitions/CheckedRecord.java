package org.qipflow.definitions;

import java.util.List;
import java.util.Map;

import org.qipflow.common.FieldProblem;

/**
 * A record after checking: typed values (Long, BigDecimal, LocalDate, Boolean, String or a list of
 * strings; absent when empty), errors that block it and warnings the lead should look at.
 */
public record CheckedRecord(Map<String, Object> values, List<FieldProblem> errors, List<FieldProblem> warnings) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
