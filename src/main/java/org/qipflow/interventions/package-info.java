/**
 * A programme's change-intervention catalogue: slide sets, clinician support tools, side-effect
 * discussion materials and service-user leaflets that help organisations meet the standards they fell
 * short of; managed by coordinators, offered to leads with their reports.
 */
package org.qipflow.interventions;
