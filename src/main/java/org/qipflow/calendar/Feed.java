package org.qipflow.calendar;

import java.util.Map;

/**
 * Which entries a feed serves: the public calendar of every programme or of one, or an organisation's
 * private calendar (its own entries and the public milestones of the cycles it takes part in).
 */
record Feed(String name, String where, Map<String, Object> params) {

    private static final String PUBLIC = "organisation_code is null";

    static Feed everyProgramme() {
        return new Feed("Programme calendar", PUBLIC, Map.of());
    }

    static Feed programme(String code, String title) {
        return new Feed(code + " " + title, PUBLIC + " and programme_code = :programme", Map.of("programme", code));
    }

    static Feed organisation(String code, String name) {
        return new Feed(name + ": audit calendar", """
                (organisation_code = :org or (organisation_code is null and cycle_id in (
                    select cycle_id from calendar_entry where organisation_code = :org and status = 'CONFIRMED')))""",
                Map.of("org", code));
    }
}
