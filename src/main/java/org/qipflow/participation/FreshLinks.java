package org.qipflow.participation;

/** What asking for fresh task links did, so the page says exactly that. */
public enum FreshLinks {
    /** Emailed now to the organisation's lead on record. */
    SENT,
    /** Emailed less than an hour ago; one such email an hour is the most. */
    SENT_RECENTLY,
    /** The organisation has no task open, so there was nothing to send. */
    NOTHING_OPEN,
    /** No member organisation has that code. */
    NO_SUCH_ORGANISATION
}
