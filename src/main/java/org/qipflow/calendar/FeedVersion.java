package org.qipflow.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A feed's state for HTTP caching: any new, changed or dropped entry, or a new feed name, changes the
 * entity tag; {@code lastModified} is the newest entry's LAST-MODIFIED.
 */
record FeedVersion(String name, long entries, Instant lastModified, long revisions) {

    String etag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((name + "|" + entries + "|" + lastModified
                    + "|" + revisions).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole seconds, as HTTP dates carry; -1 when the feed is empty. */
    long lastModifiedMillis() {
        return lastModified == null ? -1 : lastModified.getEpochSecond() * 1000;
    }
}
