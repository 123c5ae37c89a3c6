/**
 * Running an audit cycle: its process ({@code audit-cycle.bpmn}: late submissions end, close, analysis,
 * review and publication), its stage, and the coordinator's cycle pages and API.
 */
package org.qipflow.auditcycle;
