package dev.nplusonelab.diagnostics.detect;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * Names the fix for what the detector found, in the application's own terms: its query
 * layer, its ORM's associations. The detector asks the suggesters beans in their order
 * ({@link org.springframework.core.Ordered}, {@code @Order}); the first answer that is
 * not {@code null} wins. The starter's own suggestions come last: they name the table and
 * the key column.
 */
public interface FixSuggester {

	/**
	 * The fix for statements repeated once per row of an earlier one, or {@code null} to
	 * leave it to the next suggester.
	 */
	Finding.@Nullable Suggestion suggest(RepeatedLookup lookup);

	/**
	 * Whether the rows of {@code table} lead to what {@code lookup} reads, through a
	 * relation this suggester knows. Among the statements that ran before the repeats and
	 * returned enough rows, the detector takes the nearest one that leads there as the
	 * list they were issued for.
	 */
	default boolean leadsTo(String table, RepeatedLookup lookup) {
		return false;
	}

	/**
	 * The fix for one statement that read many large values (a text column a list does
	 * not show), or {@code null}.
	 */
	default Finding.@Nullable Suggestion suggestForLargeValues(StatementRecord statement) {
		return null;
	}

}
