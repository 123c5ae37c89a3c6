package org.qipflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.qipflow.common.RequestBudget;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per client address: after {@value #MOST_FAILURES} within {@link #WINDOW}
 * an address may not try again until the window has passed. A sign-in that succeeds does not clear the
 * count, or anyone with an account of their own could guess at another's between their own sign-ins.
 * Counting by address, not by account, means nobody can keep a coordinator out by failing on purpose
 * from somewhere else (the engine's own per-account lock is turned off).
 */
@Component
class SignInThrottle {

    static final int MOST_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RequestBudget failures;

    SignInThrottle(Clock clock) {
        this.failures = new RequestBudget(MOST_FAILURES, WINDOW, clock);
    }

    /** Refuses at once while the address has failed too often. */
    void check(String address) {
        Optional<RequestBudget.Refusal> refused = failures.refused(address);
        if (refused.isPresent()) {
            throw new Throttled(refused.get().seconds());
        }
    }

    void failed(String address) {
        failures.spend(address);
    }

    /** Too many failed sign-ins from this address: no password is checked for {@link #seconds} more. */
    static final class Throttled extends AuthenticationException {

        private final long seconds;

        Throttled(long seconds) {
            super("Too many failed sign-ins from this address");
            this.seconds = seconds;
        }

        long seconds() {
            return seconds;
        }
    }
}
