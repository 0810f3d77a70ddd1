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
	 * The fix for statements that each loaded a batch of the keys of one list, two or
	 * more batches where one would do (batch+1), or {@code null} to leave it to the next
	 * suggester. {@code lookup} describes the batches: {@link RepeatedLookup#count()} is
	 * how many there were.
	 * @param keys how many distinct keys they loaded in all: what one statement, or a
	 * batch size, must take
	 */
	default Finding.@Nullable Suggestion suggestForBatches(RepeatedLookup lookup, int keys) {
		return null;
	}

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
