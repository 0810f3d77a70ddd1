package dev.nplusonelab.diagnostics.detect;

import org.jspecify.annotations.Nullable;

/**
 * A rule a request broke; only requests the {@link SqlRuleScope} selects are held to the
 * rules.
 *
 * @param rule which rule
 * @param message what happened, in one line; for a finding that breaks a rule, a pointer
 * to it, not its text again
 * @param finding the finding that broke the rule, if one did
 */
public record Violation(Rule rule, String message, @Nullable Finding finding) {

	public Violation(Rule rule, String message) {
		this(rule, message, null);
	}

	/**
	 * The message, with the finding's own where there is one: for a reader who sees no
	 * other.
	 */
	public String fullMessage() {
		return (this.finding != null) ? this.finding.message() : this.message;
	}

	public enum Rule {

		/** More statements than the endpoint's {@link StatementBudget}. */
		BUDGET,

		/** A statement ran while the view rendered: a lazy load the plan missed. */
		RENDER,

		/** A potential N+1 on a path that is meant to be free of them. */
		N_PLUS_ONE

	}

}
