/**
 * Quality Improvement Programmes (QIPs) and their audit cycles: baseline, re-audits and
 * supplementary audits, each with milestones derived from the data-collection start.
 * {@link org.qipflow.programmes.ProgrammeService} and {@link org.qipflow.programmes.CycleService}
 * are what other features use; {@link org.qipflow.programmes.CycleScheduled} and
 * {@link org.qipflow.programmes.MilestonesChanged} tell them when a timeline starts or moves.
 */
package org.qipflow.programmes;
