/**
 * Local leads' own way in: they ask for a sign-in link by email (no password to forget), and the
 * session it starts shows "my reports", every cycle their organisations took part in, with the
 * published reports to open and download.
 */
package org.qipflow.leadaccess;
