/**
 * Catching N+1 before production, taught with this application's own live examples: the
 * test assertions run on pages just loaded, the budgets declared on the endpoints, the
 * log line, the metrics and the request history.
 */
@NullMarked
package dev.nplusonelab.detection;

import org.jspecify.annotations.NullMarked;
