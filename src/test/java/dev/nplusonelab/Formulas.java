package dev.nplusonelab;

import java.util.HashMap;
import java.util.Map;

import dev.nplusonelab.guide.Guide;

/**
 * The naive count a lesson's formula gives for values the test worked out on its own (by
 * SQL, from the data): the formula the page shows is the one the test asserts.
 */
public final class Formulas {

	private Formulas() {
	}

	/**
	 * @param lettersAndValues a letter, its value, the next letter, its value...
	 */
	public static long naive(Guide guide, String lesson, Object... lettersAndValues) {
		Map<String, Long> values = new HashMap<>();
		for (int i = 0; i < lettersAndValues.length; i += 2) {
			values.put((String) lettersAndValues[i], ((Number) lettersAndValues[i + 1]).longValue());
		}
		return guide.technique(lesson).naive().evaluate(values);
	}

}
