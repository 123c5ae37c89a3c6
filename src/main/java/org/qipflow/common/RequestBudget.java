package org.qipflow.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most so many events per key (a client's address) in a window that starts with the key's first
 * event. Held in memory, for the most recent {@value #MOST_KEYS} keys, so a flood of addresses cannot
 * exhaust it; in a cluster each node counts its own, which multiplies the budget by the nodes.
 */
public final class RequestBudget {

    static final int MOST_KEYS = 10_000;

    private final int most;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Spent> spent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Spent> eldest) {
            return size() > MOST_KEYS;
        }
    };

    private record Spent(Instant since, int count) {
    }

    /** A key with no budget left: when it renews, and how long that is from now, in whole seconds (at least 1). */
    public record Refusal(Instant until, long seconds) {
    }

    public RequestBudget(int most, Duration window, Clock clock) {
        this.most = most;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one event for the key, unless the key has spent its budget: then when it renews. */
    public synchronized Optional<Refusal> spend(String key) {
        Optional<Refusal> refused = refused(key);
        if (refused.isEmpty()) {
            Spent current = current(key);
            spent.put(key, current == null ? new Spent(clock.instant(), 1)
                    : new Spent(current.since(), current.count() + 1));
        }
        return refused;
    }

    /** When the key's budget renews, if it has none left now. */
    public synchronized Optional<Refusal> refused(String key) {
        Spent current = current(key);
        if (current == null || current.count() < most) {
            return Optional.empty();
        }
        Instant until = current.since().plus(window);
        return Optional.of(new Refusal(until, Math.max(1, Duration.between(clock.instant(), until).toSeconds())));
    }

    private Spent current(String key) {
        Spent current = spent.get(key);
        if (current != null && !clock.instant().isBefore(current.since().plus(window))) {
            spent.remove(key);
            return null;
        }
        return current;
    }
}
