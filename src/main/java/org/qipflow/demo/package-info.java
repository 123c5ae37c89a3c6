/** Fictitious organisations and a running audit cycle for the local demo, loaded once on first start when {@code qipflow.demo.enabled} is set. */
package org.qipflow.demo;
