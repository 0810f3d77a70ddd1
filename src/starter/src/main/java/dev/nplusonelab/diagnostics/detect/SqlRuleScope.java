package dev.nplusonelab.diagnostics.detect;

import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * Which requests the rules apply to: a potential N+1, going over a
 * {@link StatementBudget} and a statement while the view renders are violations only for
 * them, and only they fail in strict mode. Without a bean of this type, every request; a
 * potential N+1 is then a broken rule only in strict mode, since the finding already says
 * what the rule would.
 * <p>
 * It is asked once a request completed, so a report's {@link RequestReport#tags() tags}
 * can select it: an application that tags a request as a known slow path can exempt it.
 */
@FunctionalInterface
public interface SqlRuleScope {

	/** Every request: the default. */
	SqlRuleScope EVERY_REQUEST = (report) -> true;

	boolean appliesTo(RequestReport report);

	/**
	 * The requests it selects, as a sentence subject: "Strict SQL mode: this request
	 * broke 1 rule".
	 */
	default String describe() {
		return "this request";
	}

}
