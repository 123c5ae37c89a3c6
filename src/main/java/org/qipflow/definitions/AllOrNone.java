package org.qipflow.definitions;

import java.util.List;

/** Records meeting every one of several standards, reported as one more figure. */
public record AllOrNone(String id, String text, List<String> standards) {
}
