/**
 * The most recent completed requests with their findings ({@link SqlRequestHistory}), and
 * EXPLAIN of a statement one of them ran ({@link SqlExplainer}).
 */
@NullMarked
package dev.nplusonelab.diagnostics.history;

import org.jspecify.annotations.NullMarked;
