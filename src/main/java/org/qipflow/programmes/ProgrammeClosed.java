package org.qipflow.programmes;

/** Published, within the closing transaction, when the coordinator closes a programme. */
public record ProgrammeClosed(String programmeCode) {
}
