package dev.nplusonelab.sqlreport;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.web.SqlReportTags;

/**
 * The most statements one request of each route ran in each mode since the application
 * started. The {@code max} of {@code app.sql.statements} cannot say that: Micrometer
 * keeps it over a sliding window (two minutes by default), which suits a dashboard but
 * reads 0 on a page once the route has been idle a while. This sees the same completed
 * reports the metrics are recorded from, through the one hook the starter gives a
 * contributor, and adds no tag.
 */
@Component
public final class MostStatements implements SqlReportTags {

	/** A route and a mode: a few dozen keys, as for the metrics' tags. */
	private final Map<Key, AtomicInteger> most = new ConcurrentHashMap<>();

	@Override
	public Tags tags(HttpServletRequest request, RequestReport report) {
		seen(report.route(), ModeTags.modeOf(request), report.statementCount());
		return Tags.empty();
	}

	void seen(String route, String mode, int statements) {
		this.most.computeIfAbsent(new Key(route, mode), (key) -> new AtomicInteger(-1))
			.accumulateAndGet(statements, Math::max);
	}

	/**
	 * The most statements a request of {@code route} ran in {@code mode}, or empty when
	 * none ran since the application started.
	 * @param mode {@code naive}, {@code optimized} or {@code none}, as the metrics are
	 * tagged
	 */
	public OptionalInt of(String route, String mode) {
		AtomicInteger seen = this.most.get(new Key(route, mode));
		return (seen != null && seen.get() >= 0) ? OptionalInt.of(seen.get()) : OptionalInt.empty();
	}

	private record Key(String route, String mode) {
	}

}
