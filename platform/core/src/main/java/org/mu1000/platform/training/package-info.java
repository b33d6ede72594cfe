/**
 * Farmer training: courses of a programme (grading standard, post-harvest handling, e-commerce, live-stream selling,
 * ...), the sessions that teach them, who attended, and what trained farmers achieve beside those not yet trained.
 */
package org.mu1000.platform.training;
