/**
 * Statement-count assertions for tests: {@link SqlAssertions} for AssertJ and
 * {@link ExpectStatements} for JUnit Jupiter.
 */
@NullMarked
package dev.nplusonelab.diagnostics.test;

import org.jspecify.annotations.NullMarked;
