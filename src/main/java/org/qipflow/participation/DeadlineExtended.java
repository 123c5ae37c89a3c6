package org.qipflow.participation;

/** An organisation's deadline was extended; the cycle's own closing date may move with it. */
public record DeadlineExtended(long cycleId, String organisationCode) {
}
