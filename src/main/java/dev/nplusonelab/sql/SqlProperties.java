package dev.nplusonelab.sql;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the statement counter behaves ({@code lab.sql.*}).
 *
 * @param latency a delay before every statement of every request, to emulate a database
 * across a network; a request can set its own with {@code ?latency=} up to
 * {@code maxLatency}
 * @param maxLatency the largest delay a request may ask for
 * @param requestLatency whether a request may ask for a delay at all; off, a
 * {@code ?latency=} is refused, so that nobody can make the application sleep
 * @param maxInjected the most delay one request is given in all: once its statements'
 * delays reach it, its further statements run without one, so that a page of thousands of
 * statements cannot hold a pooled connection for minutes
 * @param strict fail an optimized request that shows a potential N+1, exceeds its
 * {@link StatementBudget} or runs a statement while its view renders
 * @param panel whether pages show the SQL panel
 * @param parameters whether the panel and the history show bound values; off in
 * production, where they may be personal data
 * @param history whether recent reports are kept for {@code /actuator/sqlrequests}
 * @param historySize how many reports are kept
 * @param historyExclude path patterns of requests the history does not keep (the lab's
 * own diagnostics by default); requests served by a static resource handler are never
 * kept, and the metrics count all of them
 * @param explain whether a stored SELECT can be explained from the panel
 */
@ConfigurationProperties("lab.sql")
public record SqlProperties(@DefaultValue("0ms") Duration latency, @DefaultValue("50ms") Duration maxLatency,
		@DefaultValue("10s") Duration maxInjected, @DefaultValue("true") boolean requestLatency,
		@DefaultValue("false") boolean strict, @DefaultValue("true") boolean panel,
		@DefaultValue("true") boolean parameters, @DefaultValue("true") boolean history,
		@DefaultValue("200") int historySize, @DefaultValue( {
				"/sql/**", "/actuator/**" }) List<String> historyExclude,
		@DefaultValue("true") boolean explain){

	public SqlProperties {
		if (latency.isNegative() || latency.compareTo(maxLatency) > 0) {
			throw new IllegalArgumentException(
					"lab.sql.latency must be from 0 to lab.sql.max-latency (" + maxLatency + "), not " + latency);
		}
		if (maxInjected.isNegative()) {
			throw new IllegalArgumentException("lab.sql.max-injected must not be negative, not " + maxInjected);
		}
		if (historySize < 1 || historySize > 10_000) {
			throw new IllegalArgumentException("lab.sql.history-size must be from 1 to 10000, not " + historySize);
		}
		historyExclude = List.copyOf(historyExclude);
	}

}
