/**
 * Data-quality queries: a coordinator's question about an organisation's data, emailed to its local
 * lead with a single-purpose link, answered once, and the answer emailed back to the programme team.
 */
package org.qipflow.dataqueries;
