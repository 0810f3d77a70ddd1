package dev.nplusonelab.diagnostics.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test method may run: every statement it runs on its thread is captured, MockMvc
 * requests and tasks handed to Spring Boot's executor included, and the test fails with
 * the listing of every statement and its call site when it ran more, or showed a
 * potential N+1. It needs a Spring test context with the N+1 diagnostics:
 * {@code @SpringBootTest}, or a slice such as {@code @DataJdbcTest}, {@code @DataJpaTest}
 * or {@code @JdbcTest}.
 *
 * <pre>{@code
 * &#64;Test
 * &#64;ExpectStatements(atMost = 2)
 * void theBookListLoadsInTwoStatements() {
 * 	mvc.get().uri("/books").exchange();
 * }
 * }</pre>
 *
 * On a test class, it applies to each of its test methods.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ExpectStatementsExtension.class)
public @interface ExpectStatements {

	/** Exactly this many statements; -1 for no exact count. */
	int exactly() default -1;

	/** At most this many statements. */
	int atMost() default Integer.MAX_VALUE;

	/** Whether a potential N+1 is allowed. */
	boolean nPlusOne() default false;

	/** Whether the same statement may run twice with the same values. */
	boolean duplicates() default true;

	/** Whether a statement may run while a view renders. */
	boolean whileRendering() default true;

}
