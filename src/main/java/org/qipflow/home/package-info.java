/** The coordinator's home page: what needs attention today. It will grow into the dashboard. */
package org.qipflow.home;
