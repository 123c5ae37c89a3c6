/**
 * Who may do what. Coordinators are users of the engine's identity service (so the same accounts
 * open Cockpit, Tasklist and Admin); pages use form login with CSRF, {@code /api/**},
 * {@code /engine-rest/**} and the actuator use HTTP Basic and keep no session.
 */
package org.qipflow.security;
