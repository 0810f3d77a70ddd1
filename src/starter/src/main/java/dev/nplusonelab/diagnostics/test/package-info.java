/**
 * Statement-count assertions for tests: {@link SqlAssertions} for AssertJ,
 * {@link ExpectStatements} for JUnit Jupiter, and {@link SqlBaseline} for counts kept in
 * a file the project commits.
 */
@NullMarked
package dev.nplusonelab.diagnostics.test;

import org.jspecify.annotations.NullMarked;
