package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.NPlusOneProperties.Log.Level;

import dev.nplusonelab.diagnostics.capture.Fingerprint;
import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * The log of findings and broken rules, quiet under load. A distinct finding (its kind,
 * its statement and its lines) is logged the first time a request shows it; after that at
 * most once per {@code nplusone.log.interval}, with the number of requests that showed it
 * since. A broken rule is logged with its finding, as a pointer to it. A page served a
 * thousand times a minute with the same N+1 writes one block a minute, not a thousand.
 */
final class FindingLog {

	/**
	 * Distinct findings remembered; past it, everything is forgotten and logged again
	 * once, so that memory stays bounded whatever the application runs.
	 */
	static final int REMEMBERED = 10_000;

	/** The category findings are logged under, whichever part logs them. */
	static final String CATEGORY = "dev.nplusonelab.diagnostics.findings";

	private static final Log logger = LogFactory.getLog(CATEGORY);

	private final long intervalNanos;

	private final Level level;

	private final LongSupplier clock;

	private final Log log;

	private final Map<String, Seen> seen = new ConcurrentHashMap<>();

	FindingLog(Duration interval, Level level) {
		this(interval, level, System::nanoTime, logger);
	}

	FindingLog(Duration interval, Level level, LongSupplier clock, Log log) {
		this.intervalNanos = interval.toNanos();
		this.level = level;
		this.clock = clock;
		this.log = log;
	}

	/** Logs what this completed request shows that is due. */
	void log(RequestReport report, List<Finding> findings, List<Violation> violations) {
		if ((findings.isEmpty() && violations.isEmpty()) || !enabled(this.level, this.log)) {
			return;
		}
		long now = this.clock.getAsLong();
		if (this.seen.size() > REMEMBERED) {
			this.seen.clear();
		}
		Map<Finding, Integer> since = new IdentityHashMap<>();
		List<Finding> due = new ArrayList<>();
		for (Finding finding : findings) {
			int requests = due(key(finding), now);
			if (requests > 0) {
				due.add(finding);
				since.put(finding, requests);
			}
		}
		List<Violation> dueViolations = new ArrayList<>();
		for (Violation violation : violations) {
			boolean broken = (violation.finding() != null) ? since.containsKey(violation.finding())
					: due(violation.rule() + "\u0000" + report.route() + "\u0000" + rule(violation), now) > 0;
			if (broken) {
				dueViolations.add(violation);
			}
		}
		if (!due.isEmpty() || !dueViolations.isEmpty()) {
			write(this.level, this.log, block(report, findings, violations, due, dueViolations, (finding) -> {
				int requests = since.getOrDefault(finding, 1);
				return (requests > 1) ? " [shown by " + requests + " requests since it was last logged]" : "";
			}));
		}
	}

	/**
	 * How many requests showed it since it was last logged, this one included, if it is
	 * due now; 0 if not.
	 */
	private int due(String key, long now) {
		int[] requests = new int[1];
		this.seen.compute(key, (k, seen) -> {
			if (seen == null) {
				requests[0] = 1;
				return new Seen(now, 0);
			}
			int showed = seen.since() + 1;
			if (now - seen.logged() >= this.intervalNanos) {
				requests[0] = showed;
				return new Seen(now, 0);
			}
			return new Seen(seen.logged(), showed);
		});
		return requests[0];
	}

	/**
	 * A finding is the same one when its kind, its statement, its lines and, for large
	 * values, its column are.
	 */
	private static String key(Finding finding) {
		StringBuilder key = new StringBuilder(finding.kind().name()).append('\u0000')
			.append(Fingerprint.of(finding.sql()));
		finding.sites().forEach((site) -> key.append('\u0000').append(site.callSite()));
		if (finding.column() != null) {
			key.append('\u0000').append(finding.column());
		}
		return key.toString();
	}

	/**
	 * A rule broken without a finding: the budget per route, the render guard per line.
	 */
	private static String rule(Violation violation) {
		int from = violation.message().lastIndexOf(" from ");
		return (from >= 0) ? violation.message().substring(from) : "";
	}

	/**
	 * The block for one request: its route, tags and counts, then the findings and the
	 * broken rules chosen, each once, numbered as the request's findings are.
	 */
	static String block(RequestReport report, List<Finding> findings, List<Violation> violations, List<Finding> shown,
			List<Violation> shownViolations, Function<Finding, String> note) {
		StringBuilder message = new StringBuilder();
		message.append(report.method())
			.append(' ')
			.append(report.route())
			.append(report.tags().isEmpty() ? "" : " " + report.tags())
			.append(": ")
			.append(report.statementCount())
			.append(" statements, ")
			.append(findings.size())
			.append((findings.size() == 1) ? " finding, " : " findings, ")
			.append(violations.size())
			.append((violations.size() == 1) ? " broken rule" : " broken rules");
		for (Finding finding : shown) {
			message.append("\n  ")
				.append(findings.indexOf(finding) + 1)
				.append(". ")
				.append(finding.message())
				.append(note.apply(finding));
		}
		for (Violation violation : shownViolations) {
			message.append("\n  ! ").append(violation.rule().name()).append(": ").append(violation.message());
		}
		return message.toString();
	}

	/**
	 * When a finding was last logged, and how many requests showed it since.
	 *
	 * @param logged the clock's reading then
	 * @param since requests since then
	 */
	private record Seen(long logged, int since) {
	}

	private static boolean enabled(Level level, Log log) {
		return switch (level) {
			case WARN -> log.isWarnEnabled();
			case INFO -> log.isInfoEnabled();
			case DEBUG -> log.isDebugEnabled();
			case OFF -> false;
		};
	}

	private static void write(Level level, Log log, String message) {
		switch (level) {
			case WARN -> log.warn(message);
			case INFO -> log.info(message);
			case DEBUG -> log.debug(message);
			case OFF -> {
			}
		}
	}

}
