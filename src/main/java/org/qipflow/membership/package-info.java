/**
 * Member organisations and their nominated local leads: create, edit, deactivate, import from CSV,
 * the JSON API, and the yearly membership renewal that runs as a BPMN process.
 * {@link org.qipflow.membership.OrganisationService} is what other features use.
 */
package org.qipflow.membership;
