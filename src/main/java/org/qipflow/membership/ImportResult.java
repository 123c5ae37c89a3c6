package org.qipflow.membership;

/** What an import did: re-importing the same file changes nothing and reports every row unchanged. */
public record ImportResult(int created, int updated, int unchanged) {

    public int total() {
        return created + updated + unchanged;
    }
}
