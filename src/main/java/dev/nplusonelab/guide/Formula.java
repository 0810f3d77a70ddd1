package dev.nplusonelab.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How many statements a page runs, as a sum of terms: a constant and multiples of letters
 * that stand for what the page shows ({@code 1 + 6·N + E + L}). The same object writes
 * the formula on the page, substitutes this page's numbers into it
 * ({@code 1 + 6·50 + 39 + 1 = 340}) and gives the tests the count to assert, so the three
 * cannot disagree.
 * <p>
 * A coefficient and its letter are always joined by a middle dot, and letters that read
 * as digits in a monospaced font (O, I, l) are refused, so {@code 2·O} can never be read
 * as twenty.
 */
public final class Formula {

	private static final Pattern LETTER = Pattern.compile("[A-HJ-KM-NP-Z]");

	private final long constant;

	private final List<Term> terms;

	private Formula(long constant, List<Term> terms) {
		this.constant = constant;
		this.terms = terms;
	}

	/** A count that does not depend on the data: what every optimized page runs. */
	public static Formula constant(long statements) {
		return new Formula(statements, List.of());
	}

	/** Starts a formula with its constant part: the statements that run once. */
	public static Formula of(long constant) {
		return constant(constant);
	}

	/** Adds one statement per {@code letter}. */
	public Formula plus(String letter, String meaning) {
		return plus(1, letter, meaning);
	}

	/** Adds {@code coefficient} statements per {@code letter}. */
	public Formula plus(int coefficient, String letter, String meaning) {
		if (!LETTER.matcher(letter).matches()) {
			throw new IllegalArgumentException(
					"A letter must be one capital that cannot pass for a digit (not I, L, O), not '" + letter + "'");
		}
		if (coefficient < 1) {
			throw new IllegalArgumentException("A coefficient must be positive, not " + coefficient);
		}
		if (this.terms.stream().anyMatch((term) -> term.letter().equals(letter))) {
			throw new IllegalArgumentException("Letter " + letter + " is already in " + text());
		}
		List<Term> terms = new ArrayList<>(this.terms);
		terms.add(new Term(coefficient, letter, meaning));
		return new Formula(this.constant, List.copyOf(terms));
	}

	public boolean isConstant() {
		return this.terms.isEmpty();
	}

	/** The letters and what they stand for, in the formula's order: its legend. */
	public List<Term> terms() {
		return this.terms;
	}

	/** The formula as written on the page: {@code 1 + 6·N + E + L}. */
	public String text() {
		StringBuilder text = new StringBuilder();
		if (this.constant > 0 || this.terms.isEmpty()) {
			text.append(this.constant);
		}
		for (Term term : this.terms) {
			if (!text.isEmpty()) {
				text.append(" + ");
			}
			text.append((term.coefficient() == 1) ? term.letter() : term.coefficient() + "·" + term.letter());
		}
		return text.toString();
	}

	/**
	 * The count for these values of the letters: exactly the formula's letters, each with
	 * a value. A value for a letter the formula does not have is refused rather than
	 * ignored, so that a test that measured a term (the look-ahead {@code P}) fails when
	 * the term is dropped from the formula instead of passing without it.
	 */
	public long evaluate(Map<String, Long> values) {
		requireExactlyTheLetters(values);
		long total = this.constant;
		for (Term term : this.terms) {
			total += term.coefficient() * value(values, term);
		}
		return total;
	}

	/**
	 * The formula with the values in place of the letters and its result:
	 * {@code 1 + 6·50 + 39 + 1 = 340}. A constant formula is just its number.
	 */
	public String substituted(Map<String, Long> values) {
		if (this.terms.isEmpty()) {
			return Long.toString(this.constant);
		}
		StringBuilder text = new StringBuilder();
		if (this.constant > 0) {
			text.append(this.constant);
		}
		for (Term term : this.terms) {
			if (!text.isEmpty()) {
				text.append(" + ");
			}
			long value = value(values, term);
			text.append((term.coefficient() == 1) ? Long.toString(value) : term.coefficient() + "·" + value);
		}
		return text.append(" = ").append(evaluate(values)).toString();
	}

	private void requireExactlyTheLetters(Map<String, Long> values) {
		List<String> missing = this.terms.stream()
			.filter((term) -> values.get(term.letter()) == null)
			.map((term) -> term.letter() + " (" + term.meaning() + ")")
			.toList();
		List<String> extra = values.keySet()
			.stream()
			.filter((letter) -> this.terms.stream().noneMatch((term) -> term.letter().equals(letter)))
			.sorted()
			.toList();
		if (missing.isEmpty() && extra.isEmpty()) {
			return;
		}
		List<String> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add("no value for " + String.join(", ", missing));
		}
		if (!extra.isEmpty()) {
			problems.add("a value for " + String.join(", ", extra) + ", which it does not have");
		}
		throw new IllegalArgumentException("The formula " + text() + " got " + String.join(" and ", problems));
	}

	private static long value(Map<String, Long> values, Term term) {
		Long value = values.get(term.letter());
		if (value == null) {
			throw new IllegalArgumentException("No value for " + term.letter() + " (" + term.meaning() + ")");
		}
		return value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || other instanceof Formula formula && this.constant == formula.constant
				&& this.terms.equals(formula.terms);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.constant, this.terms);
	}

	@Override
	public String toString() {
		return text();
	}

	/**
	 * One term of a formula.
	 *
	 * @param coefficient statements per unit of the letter
	 * @param letter the letter
	 * @param meaning what the letter counts, for the legend
	 */
	public record Term(int coefficient, String letter, String meaning) {
	}

}
