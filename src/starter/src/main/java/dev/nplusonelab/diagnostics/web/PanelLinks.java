package dev.nplusonelab.diagnostics.web;

import org.jspecify.annotations.Nullable;

/**
 * Where the panel's links lead: EXPLAIN of one statement and the recent requests. Paths
 * start with {@code /} and are within the application (the context path is added).
 * Without {@code nplusone.panel.explain-url} and {@code nplusone.panel.history-url}, the
 * Actuator endpoint provides them when it is exposed.
 */
public interface PanelLinks {

	/**
	 * The EXPLAIN link of a statement, or {@code null} when nothing can explain it.
	 */
	@Nullable String explain(long report, int index);

	/** The recent requests, or {@code null}. */
	@Nullable String history();

	/** Links from URL templates; an empty template gives no link. */
	static PanelLinks of(String explainTemplate, String history) {
		return new PanelLinks() {

			@Override
			public @Nullable String explain(long report, int index) {
				return explainTemplate.isEmpty() ? null : explainTemplate.replace("{id}", Long.toString(report))
					.replace("{index}", Integer.toString(index));
			}

			@Override
			public @Nullable String history() {
				return history.isEmpty() ? null : history;
			}

		};
	}

}
