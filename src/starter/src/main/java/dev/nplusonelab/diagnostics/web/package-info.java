/**
 * The servlet part: the filter that opens a report per request, adds its headers and
 * injects the panel; who may see them; the panel itself; the metrics per route; and what
 * a handler declares ({@link StatementBudget}, {@link StreamedResponse}).
 */
@NullMarked
package dev.nplusonelab.diagnostics.web;

import org.jspecify.annotations.NullMarked;
