package dev.nplusonelab.diagnostics.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.test.Baseline.Comparison;
import dev.nplusonelab.diagnostics.test.Baseline.Measure;

/**
 * Records what each test method of a {@link SqlBaseline} class ran, compares it with the
 * class's baseline file, and writes the file once the class is done if anything was
 * recorded. A test that failed on its own fails with its own error, and records nothing.
 */
public class SqlBaselineExtension implements BeforeAllCallback, InvocationInterceptor, AfterAllCallback {

	/** The switch: {@code update} records every test that runs afresh. */
	public static final String MODE = "nplusone.baseline";

	/** Where the file is, when {@link SqlBaseline#file()} does not say. */
	public static final String FILE = "nplusone.baseline.file";

	static final String DEFAULT_FILE = "src/test/resources/nplusone-baseline.json";

	private static final Log logger = LogFactory.getLog(SqlBaseline.class);

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SqlBaselineExtension.class);

	/**
	 * Test classes that share a file write it one at a time, each over what the others
	 * wrote.
	 */
	private static final Map<Path, Object> locks = new ConcurrentHashMap<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		SqlBaseline settings = AnnotationSupport.findAnnotation(testClass, SqlBaseline.class)
			.orElseThrow(() -> new IllegalStateException(testClass.getName() + " is not annotated @SqlBaseline"));
		String configured = settings.file().isEmpty() ? context.getConfigurationParameter(FILE).orElse(DEFAULT_FILE)
				: settings.file();
		boolean update = context.getConfigurationParameter(MODE).map("update"::equalsIgnoreCase).orElse(false);
		context.getStore(NAMESPACE)
			.put(Run.class, new Run(testClass.getName(), configured, resolve(configured), settings.tolerance(), update,
					methods(testClass)));
	}

	/**
	 * The names of a class's methods and of those it inherits, test methods among them.
	 */
	static Set<String> methods(Class<?> testClass) {
		Set<String> methods = new HashSet<>();
		for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Method method : type.getDeclaredMethods()) {
				methods.add(method.getName());
			}
		}
		return methods;
	}

	/**
	 * A relative path is taken from the module's directory: Surefire names it in
	 * {@code basedir}, and runs tests there, as Gradle and IDEs do.
	 */
	static Path resolve(String file) {
		Path path = Path.of(file);
		if (path.isAbsolute()) {
			return path.normalize();
		}
		String base = System.getProperty("basedir", System.getProperty("user.dir"));
		return Path.of(base).resolve(path).toAbsolutePath().normalize();
	}

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
			ExtensionContext context) throws Throwable {
		intercept(invocation, context, context.getRequiredTestMethod().getName());
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
		intercept(invocation, context, context.getRequiredTestMethod().getName() + " " + context.getDisplayName());
	}

	private void intercept(Invocation<Void> invocation, ExtensionContext context, String test) throws Throwable {
		Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
		if (run == null) {
			invocation.proceed();
			return;
		}
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		SqlCapture capture = application.getBeanProvider(SqlCapture.class).getIfAvailable();
		if (capture == null) {
			throw new IllegalStateException("@SqlBaseline needs the N+1 diagnostics in the test's context: "
					+ "is nplusone.enabled false, or is this a slice that does not import them?");
		}
		Requests requests = new Requests(Thread.currentThread().getName(), management(application));
		Throwable[] failure = new Throwable[1];
		RequestReport own;
		try (AutoCloseable listening = capture.listen(requests)) {
			own = capture.observe(test, () -> {
				try {
					invocation.proceed();
				}
				catch (Throwable ex) {
					failure[0] = ex;
				}
				return null;
			});
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		String message = run.record(test, requests.measures(own));
		if (message != null) {
			context.publishReportEntry(MODE, message);
			logger.info(message);
		}
		run.failIfExceeded(test);
	}

	/**
	 * Where the Actuator's endpoints are served: what the application's tests ask them
	 * (metrics, the starter's own report of a request) is not one of its pages.
	 */
	static String management(ApplicationContext application) {
		Environment environment = application.getEnvironment();
		String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String context = environment.getProperty("server.servlet.context-path", "");
		return (base.isEmpty() || base.equals("/")) ? "" : trimSlash(context) + trimSlash(base);
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
		if (run != null) {
			String message = run.write();
			if (message != null) {
				context.publishReportEntry(MODE, message);
				logger.info(message);
			}
		}
	}

	/**
	 * A test class's run: the baseline as it was when the class started, and what its
	 * tests recorded.
	 */
	static final class Run {

		private final String testClass;

		/** As configured, for messages. */
		private final String name;

		private final Path file;

		private final int tolerance;

		private final boolean update;

		private final Baseline baseline;

		/** What to write for each test, in the order they ran. */
		private final Map<String, Map<String, Measure>> recorded = new LinkedHashMap<>();

		private final Map<String, Comparison> comparisons = new HashMap<>();

		/** The class's methods, to know which tests an update may drop from the file. */
		private final Set<String> methods;

		Run(String testClass, String name, Path file, int tolerance, boolean update, Set<String> methods) {
			this.methods = Set.copyOf(methods);
			this.testClass = testClass;
			this.name = name;
			this.file = file;
			this.tolerance = tolerance;
			this.update = update;
			this.baseline = read(file);
		}

		/**
		 * Compares a test with the baseline and keeps what the file should hold for it;
		 * returns what to tell the developer, if anything, apart from a failure.
		 */
		@Nullable String record(String test, Map<String, Measure> measures) {
			Comparison comparison = Baseline.compare(this.baseline.test(this.testClass, test), measures,
					this.tolerance);
			this.comparisons.put(test, comparison);
			if (this.update) {
				this.recorded.put(test, measures);
				return null;
			}
			List<String> told = new ArrayList<>();
			if (!comparison.recorded().isEmpty()) {
				this.recorded.put(test, comparison.kept());
				told.add("recorded into " + this.name + ": " + String.join("; ", comparison.recorded()));
			}
			if (!comparison.lower().isEmpty()) {
				told.add("below the baseline in " + this.name + " (run with -D" + MODE + "=update to lower it): "
						+ String.join("; ", comparison.lower()));
			}
			return told.isEmpty() ? null : test + " " + String.join(". ", told);
		}

		void failIfExceeded(String test) {
			Comparison comparison = this.comparisons.get(test);
			if (!this.update && comparison != null && !comparison.passed()) {
				throw new AssertionError("SQL statements past the baseline in " + this.name
						+ ((this.tolerance > 0) ? " (tolerance " + this.tolerance + ")" : "") + ":\n  "
						+ String.join("\n  ", comparison.exceeded()) + "\nIf this is on purpose, run again with -D"
						+ MODE + "=update");
			}
		}

		/**
		 * Writes what the class's tests recorded over the file as it is now, which other
		 * classes may have written meanwhile; returns what to tell, if it wrote.
		 */
		@Nullable String write() {
			if (this.recorded.isEmpty()) {
				return null;
			}
			synchronized (locks.computeIfAbsent(this.file, (path) -> new Object())) {
				Baseline current = read(this.file);
				if (this.update) {
					current.retainMethods(this.testClass, this.methods);
				}
				this.recorded.forEach((test, measures) -> current.put(this.testClass, test, measures));
				String json = current.toJson();
				try {
					if (Files.exists(this.file) && Files.readString(this.file, StandardCharsets.UTF_8).equals(json)) {
						return null;
					}
					Path parent = this.file.getParent();
					if (parent != null) {
						Files.createDirectories(parent);
					}
					Files.writeString(this.file, json, StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not write the SQL baseline " + this.file, ex);
				}
			}
			return (this.update ? "updated " : "recorded ") + this.recorded.size() + " "
					+ ((this.recorded.size() == 1) ? "test" : "tests") + " of " + this.testClass + " in " + this.file;
		}

		private static Baseline read(Path file) {
			if (!Files.exists(file)) {
				return new Baseline();
			}
			try {
				return Baseline.parse(Files.readString(file, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the SQL baseline " + file, ex);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("The SQL baseline " + file + " is not one: " + ex.getMessage(), ex);
			}
		}

	}

	/**
	 * The requests a test made, as each completed, on whatever thread served it, and what
	 * the test ran outside them.
	 */
	static final class Requests implements SqlCapture.CompletionListener {

		private final String testThread;

		/** The Actuator's base path, whose requests are left out; empty: none are. */
		private final String management;

		private final List<Completed> completed = new ArrayList<>();

		Requests(String testThread, String management) {
			this.testThread = testThread;
			this.management = management;
		}

		@Override
		public synchronized void completed(RequestReport report, @Nullable String query) {
			this.completed.add(new Completed(report, query));
		}

		private boolean isManagement(RequestReport report) {
			String path = report.path();
			return !this.management.isEmpty()
					&& (path.equals(this.management) || path.startsWith(this.management + "/"));
		}

		/**
		 * Each request by its method, route and query string, numbered from its second
		 * time in the test ({@code GET /books #2}), and the test's own statements outside
		 * them. Requests to the Actuator are left out: a test reads metrics and reports
		 * through it, and neither is a page of the application.
		 * @param own the test's report, which also holds the statements of the requests
		 * made on its thread (MockMvc), not those served on others (real HTTP)
		 */
		synchronized Map<String, Measure> measures(RequestReport own) {
			Map<String, Measure> measures = new LinkedHashMap<>();
			Map<String, Integer> times = new HashMap<>();
			int nested = 0;
			Map<String, Integer> outside = new HashMap<>();
			fingerprints(own).forEach((fingerprint) -> outside.merge(fingerprint, 1, Integer::sum));
			for (Completed request : this.completed) {
				RequestReport report = request.report();
				List<String> fingerprints = fingerprints(report);
				if (!isManagement(report)) {
					String key = key(report, request.query());
					int time = times.merge(key, 1, Integer::sum);
					measures.put((time == 1) ? key : key + " #" + time,
							Measure.of(report.statementCount(), fingerprints));
				}
				if (report.thread().equals(this.testThread)) {
					nested += report.statementCount();
					fingerprints.forEach((fingerprint) -> outside.merge(fingerprint, -1, Integer::sum));
				}
			}
			List<String> remaining = new ArrayList<>();
			outside.forEach((fingerprint, count) -> {
				for (int i = 0; i < count; i++) {
					remaining.add(fingerprint);
				}
			});
			measures.put(Baseline.OUTSIDE_REQUESTS, Measure.of(Math.max(0, own.statementCount() - nested), remaining));
			return measures;
		}

		/**
		 * The route template, so that a request for another id is the same request; the
		 * path where no handler matched. The query string as sent: in a test it is
		 * written by hand, and it is what picks the code path ({@code ?mode=naive}, a
		 * page).
		 */
		static String key(RequestReport report, @Nullable String query) {
			String route = report.route();
			String target = (route.equals("UNKNOWN") || route.equals("NOT_FOUND")) ? report.path() : route;
			return report.method() + " " + target + ((query != null && !query.isEmpty()) ? "?" + query : "");
		}

		private static List<String> fingerprints(RequestReport report) {
			return report.statements().stream().map(StatementRecord::fingerprint).toList();
		}

		private record Completed(RequestReport report, @Nullable String query) {
		}

	}

}
