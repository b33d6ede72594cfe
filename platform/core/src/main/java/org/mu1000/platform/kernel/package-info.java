/**
 * The shared kernel: small values every context may use and none owns, such as the verified {@link
 * org.mu1000.platform.kernel.Caller}. Nothing here depends on a context.
 */
package org.mu1000.platform.kernel;
