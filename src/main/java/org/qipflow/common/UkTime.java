package org.qipflow.common;

import java.time.ZoneId;

/** Programmes run on UK time: dates and deadlines are Europe/London whatever the server's zone. */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UkTime() {
    }
}
