/**
 * Running an audit cycle: the cycle process and one participation process per organisation
 * (materials, confirmation and team codes, submission with reminders, late handling, publication),
 * the live submission tracker, rescheduling, and the local leads' task pages reached by email link.
 */
package org.qipflow.auditcycle;
