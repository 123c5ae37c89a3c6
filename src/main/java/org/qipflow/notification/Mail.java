package org.qipflow.notification;

import java.util.Map;
import java.util.function.Supplier;

/**
 * An email to write to the outbox.
 *
 * @param key       stable and unique for this message: writing the same key again has no effect
 * @param reference what the message is about, e.g. {@code cycle:12:RV3}, for "last email sent" views
 * @param template  name of a template pair in {@code mail-templates/} ({@code name.html}, {@code name.txt});
 *                  the text template's first line is {@code Subject: ...}
 * @param invitation an iCalendar invitation to attach ({@code METHOD:REQUEST} or {@code CANCEL}), or null
 */
public record Mail(String key, String reference, String recipient, String template, Map<String, Object> model,
        String invitation) {

    public Mail(String key, String reference, String recipient, String template, Map<String, Object> model) {
        this(key, reference, recipient, template, model, null);
    }

    public Mail withInvitation(String ics) {
        return new Mail(key, reference, recipient, template, model, ics);
    }

    /**
     * A model value worked out only if the email is written, once: a new link, which ends the older
     * links for its task, must not be issued for a message that turns out to be one already written.
     */
    public static <T> Later<T> later(Supplier<T> value) {
        return new Later<>(value);
    }

    /** See {@link #later}; the value is worked out on first use and kept. */
    public static final class Later<T> implements Supplier<T> {

        private final Supplier<T> value;
        private T worked;

        private Later(Supplier<T> value) {
            this.value = value;
        }

        @Override
        public synchronized T get() {
            if (worked == null) {
                worked = value.get();
            }
            return worked;
        }
    }
}
