package dev.nplusonelab.diagnostics;

/**
 * A rule a request broke; only requests the {@link SqlRuleScope} selects are held to the
 * rules.
 *
 * @param rule which rule
 * @param message what happened, in one line
 */
public record Violation(Rule rule, String message) {

	public enum Rule {

		/** More statements than the endpoint's {@link StatementBudget}. */
		BUDGET,

		/** A statement ran while the view rendered: a lazy load the plan missed. */
		RENDER,

		/** A potential N+1 on a path that is meant to be free of them. */
		N_PLUS_ONE

	}

}
