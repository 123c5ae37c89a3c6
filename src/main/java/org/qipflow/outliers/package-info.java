/**
 * Outliers, as HQIP's guidance for national clinical audits defines them: a programme's outlier
 * indicators and its allowance for over-dispersion, and the coordinator's review of each analysed
 * round's alerts (beyond 2 SD) and alarms (beyond 3 SD), flagged by the analysis.
 */
package org.qipflow.outliers;
