package dev.nplusonelab.guide;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page's statement counts in both modes, with the page's own numbers in the naive
 * formula: what the lesson shows above the records, and what a test holds against the
 * count the page measured.
 *
 * @param technique the page's lesson
 * @param values the naive formula's letters, read from this page's records
 */
public record Costs(Technique technique, Map<String, Long> values) {

	public long naive() {
		return this.technique.naive().evaluate(this.values);
	}

	/** A constant: it has none of the naive formula's letters, so it is given none. */
	public long optimized() {
		return this.technique.optimized().evaluate(Map.of());
	}

	/** What the page runs in the mode it is in. */
	public long in(boolean naive) {
		return naive ? naive() : optimized();
	}

	/** {@code 1 + 6·50 + 39 + 1 = 340}. */
	public String naiveSubstituted() {
		return this.technique.naive().substituted(this.values);
	}

	/** The letters with this page's values, for the legend. */
	public List<Letter> legend() {
		return this.technique.naive()
			.terms()
			.stream()
			.map((term) -> new Letter(term.letter(), term.meaning(), this.values.get(term.letter())))
			.toList();
	}

	/**
	 * What a latency per statement would cost this page in a mode, before anyone clicks:
	 * {@code ≈ 3,063 statements × 20 ms ≈ 61 s, capped at 10 s}.
	 */
	public String latencyEstimate(boolean naive, long millis, Duration cap) {
		long statements = in(naive);
		Duration total = Duration.ofMillis(statements * millis);
		// Concatenated, not formatted: a page asks for one estimate per latency it
		// offers.
		String estimate = "≈ " + grouped(statements) + ((statements == 1) ? " statement" : " statements") + " × "
				+ millis + " ms ≈ " + readable(total);
		return (total.compareTo(cap) > 0) ? estimate + ", capped at " + readable(cap) : estimate;
	}

	/** The injected time of that latency, capped: what the page will take at least. */
	public String latencyCost(boolean naive, long millis, Duration cap) {
		Duration total = Duration.ofMillis(in(naive) * millis);
		return "≈ " + readable((total.compareTo(cap) > 0) ? cap : total);
	}

	/** {@code 3063} as {@code 3,063}. */
	static String grouped(long value) {
		String digits = Long.toString(value);
		int sign = (value < 0) ? 1 : 0;
		StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
		int lead = sign + ((digits.length() - sign) % 3 == 0 ? 3 : (digits.length() - sign) % 3);
		out.append(digits, 0, lead);
		for (int i = lead; i < digits.length(); i += 3) {
			out.append(',').append(digits, i, i + 3);
		}
		return out.toString();
	}

	static String readable(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		double seconds = millis / 1000.0;
		return (seconds < 10) ? String.format(Locale.ROOT, "%.1f s", seconds)
				: String.format(Locale.ROOT, "%,d s", Math.round(seconds));
	}

	/**
	 * A letter of the formula with this page's value.
	 *
	 * @param letter the letter
	 * @param meaning what it counts
	 * @param value its value on this page
	 */
	public record Letter(String letter, String meaning, long value) {
	}

}
