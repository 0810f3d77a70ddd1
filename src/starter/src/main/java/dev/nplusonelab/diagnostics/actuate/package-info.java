/**
 * {@code /actuator/sqlrequests}: the request history and EXPLAIN as JSON.
 */
@NullMarked
package dev.nplusonelab.diagnostics.actuate;

import org.jspecify.annotations.NullMarked;
