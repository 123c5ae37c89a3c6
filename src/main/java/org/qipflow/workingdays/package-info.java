/**
 * Working days per nation: weekends and the bank holidays in {@code calendar/bank-holidays.csv}.
 * Deadlines that would fall on a non-working day move to the next working day.
 */
package org.qipflow.workingdays;
