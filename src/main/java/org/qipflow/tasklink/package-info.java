/**
 * Single-purpose links for people without an account: a 256-bit random token, stored only as its
 * SHA-256 hash, scoped to one organisation, one subject and one purpose, with an expiry. Features
 * decide what a link lets its holder see and do; this module only issues and recognises them.
 */
package org.qipflow.tasklink;
