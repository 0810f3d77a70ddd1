/**
 * The lab's use of the N+1 diagnostics starter ({@code dev.nplusonelab.diagnostics}): the
 * mode as a metric tag, the rules held to optimized requests only, fixes named in the
 * query layer's terms, and the request history as pages.
 */
@NullMarked
package dev.nplusonelab.sqlreport;

import org.jspecify.annotations.NullMarked;
