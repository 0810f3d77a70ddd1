package dev.nplusonelab.diagnostics.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most statements an endpoint runs, declared next to it so that a change which adds
 * one is noticed: the SQL panel shows the violation, {@code app.sql.budget.violations}
 * counts it, and in strict mode the request fails. Only requests the {@link SqlRuleScope}
 * selects are held to it.
 *
 * <pre>{@code
 * &#64;StatementBudget(2)
 * &#64;GetMapping("/books")
 * String list(Model model) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StatementBudget {

	/** The most statements one request may run. */
	int value();

}
