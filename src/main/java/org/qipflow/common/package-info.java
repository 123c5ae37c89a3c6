/**
 * What every feature shares: the clock, input problems that name the field or row at fault, and their
 * rendering as {@code application/problem+json} for the API.
 */
package org.qipflow.common;
