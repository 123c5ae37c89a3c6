/**
 * Action plans as work, not a document: after a round's reports are published, each organisation's
 * local lead chooses change interventions and plans actions for the standards it fell short of, each
 * with an owner who works it from an emailed link, reminded before and after its due date
 * ({@code processes/action-plan.bpmn}).
 */
package org.qipflow.actionplans;
