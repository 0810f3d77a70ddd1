/**
 * The trace part: each request's statement count and findings on the request's server
 * span, through Micrometer Tracing, so that a tracing backend shows which line of code
 * ran an N+1 next to the request it slowed.
 */
@NullMarked
package dev.nplusonelab.diagnostics.tracing;

import org.jspecify.annotations.NullMarked;
