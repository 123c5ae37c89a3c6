/**
 * Pseudonymous audit records: entry one by one or by CSV upload, checked against the cycle's audit
 * definition, stored per organisation and team with a history of every change, and the data
 * quality of what has been entered. Callers say which teams an organisation registered.
 */
package org.qipflow.submissions;
