/**
 * Benchmarking: the analysis of a cycle (every standard nationally, per organisation and per team),
 * stored when submission closes, and the anonymous codes by which organisations see each other.
 */
package org.qipflow.reporting;
