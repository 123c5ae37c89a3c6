/**
 * The programme calendar: every cycle's milestones as calendar entries with stable UIDs and growing
 * SEQUENCE numbers, served as iCalendar feeds (public, per programme, and a private feed per
 * organisation behind a revocable token) with HTTP caching, and as invitations attached to emails.
 * Built on iCal4j 4 with its bundled time-zone data; it never goes to the network for time zones.
 */
package org.qipflow.calendar;
