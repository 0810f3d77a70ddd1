package dev.nplusonelab.guide;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.system.PageProbe;

/**
 * The statement counts of each lesson's page in both modes, measured by loading the page
 * as a visitor would, once per run of the application: the bookstore does not change
 * while it runs, so neither do the counts. Where the request history is on, the
 * statements themselves are read back from it too, so that each technique's share of them
 * can be counted.
 */
@Component
class Measurements {

	private final PageProbe probe;

	private final ObjectProvider<SqlRequestHistory> history;

	private final Map<String, Measured> measured = new ConcurrentHashMap<>();

	Measurements(PageProbe probe, ObjectProvider<SqlRequestHistory> history) {
		this.probe = probe;
		this.history = history;
	}

	/** Both modes of the page at {@code href}, measured on first use. */
	Measured of(Technique technique) {
		return this.measured.computeIfAbsent(technique.href(), (href) -> {
			String separator = href.contains("?") ? "&" : "?";
			Side naive = load(href + separator + "mode=naive");
			Side optimized = load(href + separator + "mode=optimized");
			return new Measured(naive.count(), optimized.count(), naive.statements(), optimized.statements(),
					Instant.now());
		});
	}

	private Side load(String href) {
		try {
			PageProbe.Page page = this.probe.get(href);
			return page.isOk() ? new Side(page.statements(), statements(page)) : Side.NONE;
		}
		catch (RuntimeException ex) {
			return Side.NONE;
		}
	}

	/**
	 * How many times the page ran each statement, by fingerprint, if the history has it.
	 */
	private @Nullable Map<String, Integer> statements(PageProbe.Page page) {
		SqlRequestHistory requests = this.history.getIfAvailable();
		if (requests == null || page.report() == null) {
			return null;
		}
		return requests.find(page.report()).map((entry) -> {
			if (entry.report().droppedStatementCount() > 0) {
				return null;
			}
			Map<String, Integer> ran = new TreeMap<>();
			for (StatementRecord statement : entry.report().statements()) {
				ran.merge(statement.fingerprint(), 1, Integer::sum);
			}
			return Map.copyOf(ran);
		}).orElse(null);
	}

	private record Side(@Nullable Integer count, @Nullable Map<String, Integer> statements) {

		static final Side NONE = new Side(null, null);

	}

	/**
	 * What a page ran in each mode; null where it could not be measured.
	 *
	 * @param naive statements in naive mode
	 * @param optimized statements in optimized mode
	 * @param naiveStatements how many times naive mode ran each statement, by
	 * fingerprint; null without the request history
	 * @param optimizedStatements the same for optimized mode
	 * @param at when
	 */
	record Measured(@Nullable Integer naive, @Nullable Integer optimized,
			@Nullable Map<String, Integer> naiveStatements, @Nullable Map<String, Integer> optimizedStatements,
			Instant at) {

		/**
		 * A technique's share of the page: the statements that load its relations, in
		 * each mode; null where the statements could not be read.
		 */
		@Nullable Share share(Saving saving) {
			if (this.naive == null || this.naiveStatements == null || this.optimizedStatements == null) {
				return null;
			}
			return new Share(saving, saving.countIn(this.naiveStatements), this.naive,
					saving.countIn(this.optimizedStatements));
		}

	}

	/**
	 * What one technique is about on its page.
	 *
	 * @param saving the statements it is about, and what replaces them
	 * @param naive how many of them the naive page ran
	 * @param of how many statements the naive page ran in all
	 * @param optimized how many of them the optimized page still runs
	 */
	record Share(Saving saving, int naive, int of, int optimized) {
	}

}
