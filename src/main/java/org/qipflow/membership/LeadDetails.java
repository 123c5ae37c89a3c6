package org.qipflow.membership;

/** A local lead as entered, already checked. */
record LeadDetails(String name, String email, String jobTitle) {
}
