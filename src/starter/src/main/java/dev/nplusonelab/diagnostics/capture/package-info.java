/**
 * Capture: datasource-proxy around every DataSource, the statements of each request or
 * block in a {@link RequestReport} (with their call site, the code that issued them and
 * the database they ran on), the rows they returned, and the report handed on to tasks.
 * Its public types are the capture ({@link SqlCapture}) and the report; it knows nothing
 * of the web, of detection or of Spring Boot's auto-configuration.
 */
@NullMarked
package dev.nplusonelab.diagnostics.capture;

import org.jspecify.annotations.NullMarked;
