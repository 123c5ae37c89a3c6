package org.qipflow.submissions;

import org.qipflow.definitions.CheckedRecord;

/** A stored record and what checking it again finds: errors and warnings for the data-quality view. */
public record RecordQuality(AuditRecord record, CheckedRecord check) {
}
