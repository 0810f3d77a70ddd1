package dev.nplusonelab.diagnostics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the N+1 diagnostics behave ({@code nplusone.*}). The defaults suit a developer's
 * machine: everything a request ran is shown, but only to requests from this machine
 * ({@code nplusone.web.allowed-addresses=loopback}); metrics are always recorded.
 */
@ConfigurationProperties("nplusone")
public class NPlusOneProperties implements InitializingBean {

	/**
	 * Whether the diagnostics are on at all. Off, no DataSource is wrapped and no filter
	 * is registered: the application runs as if the starter were absent.
	 */
	private boolean enabled = true;

	/**
	 * A delay before every statement, to feel a database across a network. An application
	 * may set its own per request, up to max-latency.
	 */
	private Duration latency = Duration.ZERO;

	/** The largest delay per statement a request may be given. */
	private Duration maxLatency = Duration.ofMillis(50);

	/**
	 * The most delay one request is given in all: once its statements' delays reach it,
	 * the rest run without one, so that a page of thousands of statements cannot hold a
	 * pooled connection for minutes.
	 */
	private Duration maxInjected = Duration.ofSeconds(10);

	/**
	 * Whether the application may set a latency per request (SqlCapture.injectLatency).
	 * Off, nobody can make the application sleep on demand.
	 */
	private boolean requestLatency = false;

	/**
	 * Fail a request the rules apply to (see SqlRuleScope) with a 500 when it shows a
	 * potential N+1, runs more statements than its @StatementBudget or runs a statement
	 * while its view renders. For tests and development.
	 */
	private boolean strict = false;

	/**
	 * Whether the panel and the history show bound values. They may be personal data.
	 */
	private boolean parameters = true;

	/**
	 * Whether a stored SELECT can be run again with EXPLAIN ANALYZE (PostgreSQL only), in
	 * a read-only transaction with a timeout.
	 */
	private boolean explain = true;

	/**
	 * The packages whose code is "application code" for call sites. Empty: the
	 * application's auto-configuration packages (the @SpringBootApplication package).
	 */
	private List<String> applicationPackages = new ArrayList<>();

	/**
	 * Statements one request keeps for the panel, the history and the detector. Beyond it
	 * statements are still counted and timed, but not kept.
	 */
	private int maxStatementsPerRequest = 2000;

	private final CallSites callSites = new CallSites();

	private final ResultSet resultSet = new ResultSet();

	private final Panel panel = new Panel();

	private final History history = new History();

	private final Web web = new Web();

	private final Writes writes = new Writes();

	private final Log log = new Log();

	private final IndexHints indexHints = new IndexHints();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getLatency() {
		return this.latency;
	}

	public void setLatency(Duration latency) {
		this.latency = latency;
	}

	public Duration getMaxLatency() {
		return this.maxLatency;
	}

	public void setMaxLatency(Duration maxLatency) {
		this.maxLatency = maxLatency;
	}

	public Duration getMaxInjected() {
		return this.maxInjected;
	}

	public void setMaxInjected(Duration maxInjected) {
		this.maxInjected = maxInjected;
	}

	public boolean isRequestLatency() {
		return this.requestLatency;
	}

	public void setRequestLatency(boolean requestLatency) {
		this.requestLatency = requestLatency;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public boolean isParameters() {
		return this.parameters;
	}

	public void setParameters(boolean parameters) {
		this.parameters = parameters;
	}

	public boolean isExplain() {
		return this.explain;
	}

	public void setExplain(boolean explain) {
		this.explain = explain;
	}

	public List<String> getApplicationPackages() {
		return this.applicationPackages;
	}

	public void setApplicationPackages(List<String> applicationPackages) {
		this.applicationPackages = applicationPackages;
	}

	public int getMaxStatementsPerRequest() {
		return this.maxStatementsPerRequest;
	}

	public void setMaxStatementsPerRequest(int maxStatementsPerRequest) {
		this.maxStatementsPerRequest = maxStatementsPerRequest;
	}

	public CallSites getCallSites() {
		return this.callSites;
	}

	public ResultSet getResultSet() {
		return this.resultSet;
	}

	public Panel getPanel() {
		return this.panel;
	}

	public History getHistory() {
		return this.history;
	}

	public Web getWeb() {
		return this.web;
	}

	public Writes getWrites() {
		return this.writes;
	}

	public Log getLog() {
		return this.log;
	}

	public IndexHints getIndexHints() {
		return this.indexHints;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.latency.isNegative() || this.latency.compareTo(this.maxLatency) > 0) {
			throw new IllegalArgumentException("nplusone.latency must be from 0 to nplusone.max-latency ("
					+ this.maxLatency + "), not " + this.latency);
		}
		if (this.maxInjected.isNegative()) {
			throw new IllegalArgumentException("nplusone.max-injected must not be negative, not " + this.maxInjected);
		}
		if (this.history.size < 1 || this.history.size > 10_000) {
			throw new IllegalArgumentException(
					"nplusone.history.size must be from 1 to 10000, not " + this.history.size);
		}
		if (this.maxStatementsPerRequest < 1) {
			throw new IllegalArgumentException(
					"nplusone.max-statements-per-request must be at least 1, not " + this.maxStatementsPerRequest);
		}
		if (this.callSites.maxDepth < 1) {
			throw new IllegalArgumentException(
					"nplusone.call-sites.max-depth must be at least 1, not " + this.callSites.maxDepth);
		}
		if (this.callSites.sampleInterval.isNegative()) {
			throw new IllegalArgumentException(
					"nplusone.call-sites.sample-interval must not be negative, not " + this.callSites.sampleInterval);
		}
		if (this.writes.unbatchedThreshold < 2) {
			throw new IllegalArgumentException(
					"nplusone.writes.unbatched-threshold must be at least 2, not " + this.writes.unbatchedThreshold);
		}
		if (this.log.interval.isNegative()) {
			throw new IllegalArgumentException("nplusone.log.interval must not be negative, not " + this.log.interval);
		}
		if (this.indexHints.refresh.isNegative()) {
			throw new IllegalArgumentException(
					"nplusone.index-hints.refresh must not be negative, not " + this.indexHints.refresh);
		}
	}

	/** Where a statement was asked for: the first frame of application code. */
	public static class CallSites {

		/**
		 * Whether each statement records its call site. Off, the detector groups by
		 * statement shape alone.
		 */
		private boolean enabled = true;

		/**
		 * Class name prefixes of application code that is plumbing, never a call site (a
		 * query layer, a lazy loader): the code that called it is.
		 */
		private List<String> skip = new ArrayList<>();

		/** How many stack frames are examined, at most, to find the call site. */
		private int maxDepth = 256;

		/**
		 * How often a route's requests that nobody watches have their call sites found:
		 * the first such request of each route in every interval walks the stack for each
		 * of its statements, the others are counted and grouped by statement alone, their
		 * lines shown as not sampled and their fixes given without the vocabulary of the
		 * code that ran them. Requests that see the diagnostics (panel, headers), strict
		 * mode and the test API always have every line. 0 finds every call site of every
		 * request.
		 */
		private Duration sampleInterval = Duration.ofSeconds(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getSkip() {
			return this.skip;
		}

		public void setSkip(List<String> skip) {
			this.skip = skip;
		}

		public int getMaxDepth() {
			return this.maxDepth;
		}

		public void setMaxDepth(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		public Duration getSampleInterval() {
			return this.sampleInterval;
		}

		public void setSampleInterval(Duration sampleInterval) {
			this.sampleInterval = sampleInterval;
		}

	}

	/** What is counted while the application reads a result. */
	public static class ResultSet {

		/**
		 * Whether the bytes of every value read are estimated (and large values
		 * reported). Rows are always counted; bytes cost a little on every column read.
		 */
		private boolean bytes = false;

		public boolean isBytes() {
			return this.bytes;
		}

		public void setBytes(boolean bytes) {
			this.bytes = bytes;
		}

	}

	/** The bar injected into HTML pages. */
	public static class Panel {

		/** Whether HTML responses get the panel before their last body end tag. */
		private boolean enabled = true;

		/**
		 * Whether error responses (status 400 and above) get the panel too. Off, an error
		 * page shows nothing of the SQL behind it.
		 */
		private boolean errorPages = false;

		/** Larger HTML responses pass through without a panel. */
		private DataSize maxSize = DataSize.ofMegabytes(2);

		/**
		 * Where the EXPLAIN links of the panel point, with {id} and {index} in it. Empty:
		 * the Actuator endpoint, when it is exposed.
		 */
		private String explainUrl = "";

		/**
		 * Where the panel's link to the recent requests points. Empty: the Actuator
		 * endpoint, when it is exposed.
		 */
		private String historyUrl = "";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isErrorPages() {
			return this.errorPages;
		}

		public void setErrorPages(boolean errorPages) {
			this.errorPages = errorPages;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public String getExplainUrl() {
			return this.explainUrl;
		}

		public void setExplainUrl(String explainUrl) {
			this.explainUrl = explainUrl;
		}

		public String getHistoryUrl() {
			return this.historyUrl;
		}

		public void setHistoryUrl(String historyUrl) {
			this.historyUrl = historyUrl;
		}

	}

	/** The most recent requests, kept in a ring. */
	public static class History {

		/** Whether recent requests are kept, for /actuator/sqlrequests and EXPLAIN. */
		private boolean enabled = true;

		/** How many requests are kept. */
		private int size = 200;

		/**
		 * Path patterns of requests the history does not keep, besides the management
		 * endpoints, which it never keeps (under management.endpoints.web.base-path, or
		 * on the management port), so that reading the history does not push out what it
		 * explains. The metrics count them all.
		 */
		private List<String> exclude = new ArrayList<>();

		/**
		 * Whether the history keeps each request's query string, so that a page can be
		 * told from the same route with other parameters and opened again. Turn it off
		 * where query strings carry tokens or personal data.
		 */
		private boolean queryStrings = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		public boolean isQueryStrings() {
			return this.queryStrings;
		}

		public void setQueryStrings(boolean queryStrings) {
			this.queryStrings = queryStrings;
		}

	}

	/** Who sees what, and which requests are not looked at. */
	public static class Web {

		/**
		 * Remote addresses that are shown the panel, the headers, bound values, the
		 * history and EXPLAIN: "loopback", IP addresses, CIDR ranges, or "*" for
		 * everyone; an address that does not parse stops the application from starting.
		 * Decided by the socket's address (request.getRemoteAddr()), which a forwarded
		 * header changes only where the application configured forwarded header handling.
		 */
		private List<String> allowedAddresses = new ArrayList<>(List.of("loopback"));

		/**
		 * Path patterns the diagnostics do not look at at all (static files): not
		 * counted, not buffered.
		 */
		private List<String> exclude = new ArrayList<>(List.of("/webjars/**", "/favicon.ico"));

		public List<String> getAllowedAddresses() {
			return this.allowedAddresses;
		}

		public void setAllowedAddresses(List<String> allowedAddresses) {
			this.allowedAddresses = allowedAddresses;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

	}

	/** Writes: INSERT, UPDATE and DELETE statements. */
	public static class Writes {

		/**
		 * How many writes of one statement from one line, sent one at a time within one
		 * request, are reported as unbatched writes. Fewer are not reported; writes are
		 * never a potential N+1.
		 */
		private int unbatchedThreshold = 10;

		public int getUnbatchedThreshold() {
			return this.unbatchedThreshold;
		}

		public void setUnbatchedThreshold(int unbatchedThreshold) {
			this.unbatchedThreshold = unbatchedThreshold;
		}

	}

	/** How findings are logged. */
	public static class Log {

		/**
		 * A finding (its kind, statement and lines) is logged the first time a request
		 * shows it, then at most once per interval, with the number of requests that
		 * showed it since. Zero logs every request's findings.
		 */
		private Duration interval = Duration.ofMinutes(1);

		/** The level findings are logged at. */
		private Level level = Level.WARN;

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Level getLevel() {
			return this.level;
		}

		public void setLevel(Level level) {
			this.level = level;
		}

		/** A log level, or none. */
		public enum Level {

			WARN, INFO, DEBUG, OFF

		}

	}

	/**
	 * Missing-index hints: when a finding's repeated statement filters on a column that
	 * no index leads, the finding says so and names the index to create.
	 */
	public static class IndexHints {

		/**
		 * Whether findings read the indexes of the tables their statements filter (from
		 * the JDBC metadata, once per table, only when a finding exists) to say when a
		 * lookup scans the whole table.
		 */
		private boolean enabled = true;

		/**
		 * How long the indexes read for a table are trusted: an index created while the
		 * application runs is seen once this has passed. Zero reads them again for every
		 * finding.
		 */
		private Duration refresh = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRefresh() {
			return this.refresh;
		}

		public void setRefresh(Duration refresh) {
			this.refresh = refresh;
		}

	}

}
