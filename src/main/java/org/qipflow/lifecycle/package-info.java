/**
 * A programme's whole life as {@code processes/qip-programme.bpmn}: from its creation (or adoption
 * from a topic) through its baseline, intervention periods, re-audits and supplementary audits to
 * its closing; and the programme page that shows it as a timeline, also as JSON.
 */
package org.qipflow.lifecycle;
