/**
 * Organisations taking part in audit cycles: joining, confirming with team codes, submitting, deadlines
 * with their extensions and reminders, and the participation process ({@code audit-participation.bpmn})
 * with its timers ({@link org.qipflow.participation.AuditTimer}), steps and emails. Also the lead's
 * single-purpose links ({@link org.qipflow.participation.LeadLink}) and the live submission tracker.
 */
package org.qipflow.participation;
