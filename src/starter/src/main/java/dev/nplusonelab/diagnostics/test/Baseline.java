package dev.nplusonelab.diagnostics.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.Fingerprint;

/**
 * The statement counts a baseline file holds, per test class, per test, per request, and
 * the comparison of a run with them. Everything is kept sorted, so that the same counts
 * make the same file.
 */
final class Baseline {

	/** The key of what a test ran on its own thread outside any HTTP request. */
	static final String OUTSIDE_REQUESTS = "(outside requests)";

	private final SortedMap<String, SortedMap<String, SortedMap<String, Measure>>> classes = new TreeMap<>();

	/** The tests of a class, by name, and what each ran. */
	@Nullable SortedMap<String, Measure> test(String testClass, String test) {
		SortedMap<String, SortedMap<String, Measure>> tests = this.classes.get(testClass);
		return (tests != null) ? tests.get(test) : null;
	}

	void put(String testClass, String test, Map<String, Measure> measures) {
		this.classes.computeIfAbsent(testClass, (name) -> new TreeMap<>()).put(test, new TreeMap<>(measures));
	}

	/**
	 * Drops the tests of a class whose method is not in {@code methods}: they were
	 * deleted or renamed. A test is named after its method, then its invocation's name.
	 */
	void retainMethods(String testClass, Set<String> methods) {
		SortedMap<String, SortedMap<String, Measure>> tests = this.classes.get(testClass);
		if (tests != null) {
			tests.keySet().removeIf((test) -> !methods.contains(test.split(" ", 2)[0]));
		}
	}

	boolean isEmpty() {
		return this.classes.isEmpty();
	}

	static Baseline parse(String json) {
		Baseline baseline = new Baseline();
		for (Map.Entry<String, Object> testClass : object(BaselineJson.read(json), "the file").entrySet()) {
			for (Map.Entry<String, Object> test : object(testClass.getValue(), testClass.getKey()).entrySet()) {
				String where = testClass.getKey() + " " + test.getKey();
				Map<String, Measure> measures = new TreeMap<>();
				for (Map.Entry<String, Object> request : object(test.getValue(), where).entrySet()) {
					measures.put(request.getKey(), Measure.parse(request.getValue(), where + " " + request.getKey()));
				}
				baseline.put(testClass.getKey(), test.getKey(), measures);
			}
		}
		return baseline;
	}

	String toJson() {
		Map<String, Object> classes = new TreeMap<>();
		this.classes.forEach((testClass, tests) -> {
			Map<String, Object> byTest = new TreeMap<>();
			tests.forEach((test, measures) -> {
				Map<String, Object> byRequest = new TreeMap<>();
				measures.forEach((request, measure) -> byRequest.put(request, measure.toJson()));
				byTest.put(test, byRequest);
			});
			classes.put(testClass, byTest);
		});
		return BaselineJson.write(classes);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(@Nullable Object value, String where) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("Expected an object for " + where);
		}
		return (Map<String, Object>) map;
	}

	/**
	 * Compares what a test ran with its baseline, none if it has none yet.
	 * @param tolerance how many more statements than its baseline a request may run
	 */
	static Comparison compare(@Nullable Map<String, Measure> expected, Map<String, Measure> actual, int tolerance) {
		Map<String, Measure> baseline = (expected != null) ? expected : Map.of();
		List<String> exceeded = new ArrayList<>();
		List<String> lower = new ArrayList<>();
		List<String> recorded = new ArrayList<>();
		SortedMap<String, Measure> kept = new TreeMap<>(baseline);
		for (Map.Entry<String, Measure> entry : new TreeMap<>(actual).entrySet()) {
			String key = entry.getKey();
			Measure now = entry.getValue();
			Measure before = baseline.get(key);
			if (before == null) {
				recorded.add(key + ": " + statements(now.statements()));
				kept.put(key, now);
				continue;
			}
			List<String> added = new ArrayList<>();
			List<String> grown = new ArrayList<>();
			List<String> gone = new ArrayList<>();
			byCount(now.fingerprints()).forEach((fingerprint) -> {
				int count = now.fingerprints().get(fingerprint);
				Integer was = before.fingerprints().get(fingerprint);
				if (was == null) {
					added.add(Fingerprint.brief(fingerprint) + " (×" + count + ")");
				}
				else if (count > was) {
					grown.add(Fingerprint.brief(fingerprint) + " (×" + was + " → ×" + count + ")");
				}
			});
			byCount(before.fingerprints()).forEach((fingerprint) -> {
				if (!now.fingerprints().containsKey(fingerprint)) {
					gone.add(Fingerprint.brief(fingerprint));
				}
			});
			boolean grew = now.statements() > before.statements() + tolerance;
			if (grew || !added.isEmpty()) {
				StringBuilder line = new StringBuilder(key).append(": ")
					.append(change(before.statements(), now.statements()));
				if (!grew && now.statements() > before.statements()) {
					line.append(" (within the tolerance of ").append(tolerance).append(')');
				}
				list(line, "new", added);
				if (grew) {
					list(line, "more", grown);
				}
				exceeded.add(line.toString());
			}
			else if (now.statements() < before.statements() || !gone.isEmpty()) {
				StringBuilder line = new StringBuilder(key).append(": ")
					.append(change(before.statements(), now.statements()));
				list(line, "gone", gone);
				lower.add(line.toString());
			}
		}
		baseline.keySet()
			.stream()
			.filter((key) -> !actual.containsKey(key))
			.sorted()
			.forEach((key) -> lower.add(key + ": in the baseline, not run this time"));
		return new Comparison(List.copyOf(exceeded), List.copyOf(lower), List.copyOf(recorded),
				Collections.unmodifiableSortedMap(kept));
	}

	/** Most repeated first, then by text, so a message leads with the loop. */
	private static List<String> byCount(Map<String, Integer> fingerprints) {
		return fingerprints.keySet()
			.stream()
			.sorted(Comparator.comparing((String fingerprint) -> -fingerprints.get(fingerprint))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	private static void list(StringBuilder line, String label, List<String> items) {
		if (!items.isEmpty()) {
			line.append("; ").append(label).append(": ").append(String.join(", ", items));
		}
	}

	private static String change(int before, int now) {
		return (before == now) ? statements(now) + ", as before" : before + " → " + statements(now);
	}

	static String statements(int count) {
		return count + ((count == 1) ? " statement" : " statements");
	}

	/**
	 * What one request, or a test outside its requests, ran.
	 *
	 * @param statements every statement, kept or not
	 * @param fingerprints how many times each shape of statement ran, among those kept
	 */
	record Measure(int statements, SortedMap<String, Integer> fingerprints) {

		Measure {
			fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(fingerprints));
		}

		static Measure of(int statements, List<String> fingerprints) {
			SortedMap<String, Integer> counted = new TreeMap<>();
			fingerprints.forEach((fingerprint) -> counted.merge(fingerprint, 1, Integer::sum));
			return new Measure(statements, counted);
		}

		Map<String, Object> toJson() {
			return Map.of("statements", this.statements, "fingerprints", this.fingerprints);
		}

		static Measure parse(@Nullable Object value, String where) {
			Map<String, Object> measure = object(value, where);
			SortedMap<String, Integer> fingerprints = new TreeMap<>();
			object(measure.get("fingerprints"), where + " fingerprints")
				.forEach((fingerprint, count) -> fingerprints.put(fingerprint, count(count, where)));
			return new Measure(count(measure.get("statements"), where), fingerprints);
		}

		private static int count(@Nullable Object value, String where) {
			if (!(value instanceof Long count) || count < 0 || count > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("Expected a count of statements for " + where);
			}
			return count.intValue();
		}

	}

	/**
	 * A test's run against its baseline.
	 *
	 * @param exceeded requests that ran more statements than the tolerance allows, or a
	 * statement the baseline does not have, one line each: these fail the test
	 * @param lower requests that ran fewer statements, or no longer ran: reported only
	 * @param recorded requests the baseline did not have, now recorded
	 * @param kept what the baseline holds for the test after this run, without an update:
	 * its own entries, and the ones recorded
	 */
	record Comparison(List<String> exceeded, List<String> lower, List<String> recorded,
			SortedMap<String, Measure> kept) {

		boolean passed() {
			return this.exceeded.isEmpty();
		}

	}

}
