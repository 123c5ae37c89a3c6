package org.qipflow.interventions;

import java.time.Instant;
import java.util.List;

/**
 * One change intervention of a programme's catalogue: a file kept by qipflow or a link.
 *
 * @param link        an https address, or null for a file
 * @param fileName    the file's name as uploaded, or null for a link
 * @param roundNumber the round it was made for, or null
 * @param standards   ids of the standards it addresses
 */
public record ChangeIntervention(long id, String programmeCode, String title, InterventionKind kind,
        String description, String link, String fileName, String fileType, Integer roundNumber,
        List<String> standards, Instant createdAt, Instant withdrawnAt) {

    public boolean file() {
        return link == null;
    }
}
