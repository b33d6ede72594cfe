/** Plain-Java building blocks shared by every bounded context: refusals and their field-level violations. */
package org.mu1000.platform.shared.domain;
