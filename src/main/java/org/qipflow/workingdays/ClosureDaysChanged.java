package org.qipflow.workingdays;

/** Published, in the transaction that adds or removes a closure day, so deadlines that move can be followed. */
public record ClosureDaysChanged() {
}
