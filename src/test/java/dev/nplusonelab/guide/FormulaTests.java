package dev.nplusonelab.guide;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A formula is evaluated with exactly its letters. A test that measured a term passes its
 * value; if the term were silently ignored, dropping it from the formula (the book list's
 * {@code 1 + 6·N + E + P} turned into {@code 2 + 6·N + E}) would still pass wherever the
 * term happens to be 1.
 */
class FormulaTests {

	private static final Formula BOOK_LIST = Formula.of(1)
		.plus(6, "N", "books on the page")
		.plus("E", "books with an editor")
		.plus("P", "1 when another page follows");

	@Test
	void aFormulaAddsItsConstantAndEachLetterTimesItsCoefficient() {
		assertThat(BOOK_LIST.evaluate(Map.of("N", 50L, "E", 39L, "P", 1L))).isEqualTo(1 + 6 * 50 + 39 + 1);
		assertThat(BOOK_LIST.evaluate(Map.of("N", 7L, "E", 3L, "P", 0L))).isEqualTo(1 + 6 * 7 + 3);
		assertThat(BOOK_LIST.substituted(Map.of("N", 7L, "E", 3L, "P", 0L))).isEqualTo("1 + 6·7 + 3 + 0 = 46");
	}

	/**
	 * Catches the mutation that made this test necessary: {@code evaluate} ignoring a
	 * value for a letter the formula lacks, so that a test passing {@code P} kept passing
	 * after {@code P} was dropped from the formula.
	 */
	@Test
	void aValueForALetterTheFormulaDoesNotHaveIsRefused() {
		Formula withoutLookAhead = Formula.of(2).plus(6, "N", "books on the page").plus("E", "books with an editor");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> withoutLookAhead.evaluate(Map.of("N", 50L, "E", 39L, "P", 1L)))
			.withMessageContaining("a value for P, which it does not have")
			.withMessageContaining("2 + 6·N + E");
	}

	@Test
	void aConstantTakesNoLetters() {
		assertThat(Formula.constant(2).evaluate(Map.of())).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> Formula.constant(2).evaluate(Map.of("N", 50L)))
			.withMessageContaining("a value for N");
	}

	@Test
	void everyLetterOfTheFormulaNeedsAValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> BOOK_LIST.evaluate(Map.of("N", 50L, "E", 39L)))
			.withMessageContaining("no value for P (1 when another page follows)")
			.withMessageNotContaining("N (")
			.withMessageNotContaining("E (");
	}

	@Test
	void aMissingAndAnExtraLetterAreBothNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> BOOK_LIST.evaluate(Map.of("N", 50L, "E", 39L, "T", 1L)))
			.withMessageContaining("no value for P")
			.withMessageContaining("a value for T");
	}

}
