package org.qipflow.programmes;

/** Published, within the creating transaction, when a programme is added or adopted from a topic. */
public record ProgrammeCreated(String programmeCode) {
}
