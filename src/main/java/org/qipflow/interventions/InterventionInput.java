package org.qipflow.interventions;

import java.util.List;

/** A new intervention as checked: exactly one of a link and a file goes with it. */
record InterventionInput(String title, InterventionKind kind, String description, String link, Integer roundNumber,
        List<String> standards) {
}
