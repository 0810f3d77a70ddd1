package dev.nplusonelab.diagnostics.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps the statement counts of a test class in a file the project commits, and fails a
 * test whose requests run more statements than the file says, or a statement it has not
 * seen.
 * <p>
 * For each test method, the file holds every HTTP request the test made, MockMvc or real
 * HTTP ({@code RANDOM_PORT}), by method, route template and query string ({@code GET
 * /owners/{id}?mode=naive}), plus what the test ran on its own thread outside any
 * request: how many statements, and how many of each shape ({@code Fingerprint}). What
 * {@code @BeforeEach} methods run is not counted.
 * <ul>
 * <li>A test, or a request, the file does not have yet is recorded into it, and the
 * output says so.</li>
 * <li>A request that runs more statements than recorded, past {@link #tolerance()}, or a
 * statement of a shape it did not run before, fails the test with a short diff:
 * {@code GET /owners: 1 → 11 statements; new: SELECT … FROM pet WHERE owner_id=? (×10)}.</li>
 * <li>One that runs fewer is logged and published as a report entry; the file keeps the
 * old count until it is updated.</li>
 * <li>{@code -Dnplusone.baseline=update} (or the JUnit configuration parameter of that
 * name) records every test that runs afresh, and fails none; it also drops the tests of
 * the class whose method is gone.</li>
 * </ul>
 * It needs a Spring test context with the N+1 diagnostics, as {@link ExpectStatements}
 * does, and the tests of one file run one at a time (JUnit's default).
 *
 * <pre>{@code
 * &#64;SpringBootTest
 * &#64;AutoConfigureMockMvc
 * &#64;SqlBaseline
 * class OwnerPagesTests {
 * }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SqlBaselineExtension.class)
public @interface SqlBaseline {

	/**
	 * The baseline file, relative to the module's directory (where Maven and Gradle run
	 * tests), so that it is read from and written to the source tree, never to
	 * {@code target/test-classes}. Empty: the JUnit configuration parameter
	 * {@code nplusone.baseline.file} if set, else
	 * {@code src/test/resources/nplusone-baseline.json}.
	 */
	String file() default "";

	/**
	 * How many more statements than its baseline a request may run before the test fails.
	 * 0 by default: a test's statements are as deterministic as its data, and one more
	 * statement per request is what an N+1 over a list of one looks like. A statement of
	 * a new shape fails whatever the tolerance.
	 */
	int tolerance() default 0;

}
