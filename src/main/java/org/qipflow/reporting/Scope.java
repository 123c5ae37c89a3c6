package org.qipflow.reporting;

/** The level a figure describes. */
public enum Scope { NATIONAL, ORGANISATION, TEAM }
