package org.qipflow.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from a DRBG generator (NIST SP 800-90A) of each thread's own. Every page masks its CSRF
 * token with fresh random bytes; the JDK's default generator serialises all its callers on one lock,
 * and under load pages queued behind each other for it, held up whenever the thread holding it was
 * descheduled.
 */
final class PerThreadRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final transient ThreadLocal<SecureRandom> generators = ThreadLocal.withInitial(PerThreadRandom::drbg);

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no DRBG generator", e);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        generators.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        return generators.get().generateSeed(numBytes);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG, one per thread";
    }
}
