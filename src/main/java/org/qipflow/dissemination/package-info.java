/**
 * Dissemination: a local lead sends the organisation's report, as a link, to its teams; each team
 * says when and where it discussed it, and is reminded until it does
 * ({@code processes/report-sharing.bpmn}). The programme team sees how far each report travelled,
 * in counts, never names.
 */
package org.qipflow.dissemination;
