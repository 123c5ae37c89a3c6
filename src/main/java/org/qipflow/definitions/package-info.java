/**
 * QIP audit definitions, one versioned JSON file per definition under {@code forms/}: the fields of a
 * pseudonymous patient record, data-quality rules, and the standards the audit measures. Conditions,
 * rules and standards are FEEL expressions, a language coordinators can read and that cannot reach
 * Java. {@link org.qipflow.definitions.AuditDefinitions} loads and checks them at start.
 */
package org.qipflow.definitions;
