package dev.nplusonelab.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.UriUtils;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every route the application maps (read from the handler mappings, so a new page
 * or endpoint is swept as soon as it exists) every hostile value in every parameter and
 * path variable. Nothing may answer 5xx or show exception text, a parameter the handler
 * reads must be refused with a 4xx, and no value may ever reach a statement's SQL text.
 */
@LabTest
class BadInputSweepTests {

	private static final String LONG = "9".repeat(10_240);

	private static final List<String> HOSTILE = List.of("-1", "0", "99999999999999999999", "abc", "", "1.5", "1e3",
			" 1", "+2", "\u0662", "\uff15", "0x10", "NaN", LONG, "x".repeat(10_240), "Ωmega ✓ 漢字 😀 \u202e",
			"1' OR '1'='1", "1; DROP TABLE book; --", "' UNION SELECT version() --", "../../etc/passwd",
			"..%2f..%2fetc%2fpasswd", "<script>alert(1)</script>", "%00", "null", "true");

	/** Values that must never appear in a statement's SQL text, only ever bound. */
	private static final List<String> MUST_NOT_REACH_SQL = List.of(LONG, "Ωmega", "OR '1'='1", "DROP TABLE",
			"UNION SELECT", "etc/passwd", "<script>");

	/** Every parameter some page or endpoint reads, plus one nobody reads. */
	private static final List<String> PARAMETERS = List.of("mode", "page", "size", "latency", "after", "sort",
			"workload", "sizes", "limit", "unknown");

	/** What an error body must never contain: the insides of the application. */
	private static final List<String> LEAKS = List.of("Exception", "at dev.", "org.springframework", "java.lang",
			"Whitelabel", "Tomcat");

	private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(");

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}|\\*\\*");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void everyRouteAndParameterRefusesHostileValuesWithoutAServerErrorOrALeak() {
		List<Route> routes = routes();
		assertThat(routes).extracting(Route::pattern)
			.contains("/", "/books", "/books/{id}", "/api/books", "/actuator/health", "/sql/requests/{id}");
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Route route : routes) {
			String path = route.example();
			for (String parameter : PARAMETERS) {
				boolean reads = route.reads(parameter);
				for (String value : reads ? HOSTILE : List.of("", LONG, "1' OR '1'='1", "<script>alert(1)</script>")) {
					boolean valid = value.isEmpty() || value.equals("0") && route.allowsZero(parameter)
							|| value.equals(" 1") && route.isList(parameter);
					boolean mustRefuse = reads && !valid;
					requests++;
					check(route, path + "?" + query(parameter, value), mustRefuse, value, failures);
				}
				if (reads) {
					requests++;
					check(route, path + "?" + query(parameter, "1") + "&" + query(parameter, "2"),
							!route.isList(parameter), "", failures);
				}
			}
			if (route.hasPathVariables()) {
				for (String value : HOSTILE) {
					String target = route.with(value);
					// An encoded slash never gets past Tomcat (see the test below), and
					// MockMvc has no Tomcat in front.
					if (value.isEmpty() || target.toLowerCase(java.util.Locale.ROOT).contains("%2f")) {
						continue;
					}
					requests++;
					// After ';' a path segment carries path parameters, which the servlet
					// API strips: /books/1;x is /books/1, and the rest never reaches SQL.
					check(route, target, !value.contains(";"), value, failures);
				}
			}
		}
		assertThat(requests).isGreaterThan(1000);
		assertThat(failures).as("%d of %d requests", failures.size(), requests).isEmpty();
	}

	/**
	 * Through the real server: what Tomcat refuses before Spring sees it (an encoded
	 * slash, a raw control character, a request line too long) gets a plain 400 that says
	 * nothing about the server.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/books/..%2f..%2fetc%2fpasswd", "/books/%2e%2e/%2e%2e/etc/passwd", "/books/3%00",
			"/books?mode=<script>", "/api/books/..%2f..%2fetc%2fpasswd", "/books/%c0%ae%c0%ae/x",
			"/actuator/..;/actuator/env", "/css/../application.properties", "/css/..%2fapplication.properties",
			"/actuator/health/..%2f..%2fetc%2fpasswd", "/actuator/health/%3Cscript%3E%2F" })
	void theServerRefusesMalformedAddressesWithoutDetails(String target) throws IOException {
		Response response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).as(target).isBetween(400, 499);
		assertThat(response.body()).doesNotContain("Exception", "at dev.", "org.springframework", "java.lang", "Tomcat",
				"spring.datasource", "nplusone.");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/error", "/error;x", "/%65rror", "/error/", "/./error", "/error.html" })
	void theErrorPageAskedForDirectlyIsNotFound(String target) throws IOException {
		Response response = raw(
				"GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).contains("There is no page at this address");
	}

	@Test
	void aVeryLongAddressIsRefusedWithoutDetails() throws IOException {
		Response response = raw("GET /books?unknown=" + "x".repeat(20_000)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.body()).doesNotContain("Exception", "Tomcat", "java.lang");
	}

	private void check(Route route, String uri, boolean mustRefuse, String value, List<String> failures) {
		MvcTestResult result = this.mvc.get().uri(URI.create(uri)).exchange();
		String where = route.pattern() + " <- " + shorten(uri) + ": ";
		if (result.getUnresolvedException() != null) {
			// The servlet container would answer 500.
			Throwable root = result.getUnresolvedException();
			while (root.getCause() != null) {
				root = root.getCause();
			}
			failures.add(where + "unhandled " + root + " at "
					+ Arrays.toString(Arrays.copyOf(root.getStackTrace(), Math.min(root.getStackTrace().length, 6))));
			return;
		}
		int status = result.getResponse().getStatus();
		String body = body(result);
		if (status >= 500) {
			failures.add(where + status);
		}
		else if (mustRefuse && (status < 400)) {
			failures.add(where + status + " for a value the handler reads");
		}
		if (status >= 400) {
			LEAKS.stream().filter(body::contains).forEach((leak) -> failures.add(where + "body shows " + leak));
			String type = String.valueOf(result.getResponse().getContentType());
			boolean json = type.contains("json");
			// MockMvc has no container: a sendError leaves the body empty, where Tomcat
			// would render the error page (checked through the real server below).
			boolean page = type.contains("text/html") && body.contains("class=\"error-page\"") || body.isEmpty();
			boolean machine = route.pattern().startsWith("/api") || route.pattern().startsWith("/actuator");
			if (!(machine ? json || body.isEmpty() : page)) {
				failures.add(where + status + " with " + type + " instead of a " + (machine ? "JSON error" : "page"));
			}
		}
		Matcher frame = STACK_FRAME.matcher(body);
		if (frame.find()) {
			failures.add(where + "a stack frame: " + frame.group());
		}
		RequestReport report = (RequestReport) result.getRequest().getAttribute(RequestReport.ATTRIBUTE);
		if (report != null) {
			for (StatementRecord statement : report.statements()) {
				MUST_NOT_REACH_SQL.stream()
					.filter((hostile) -> value.contains(hostile) && statement.sql().contains(hostile))
					.forEach((hostile) -> failures.add(where + "'" + shorten(hostile) + "' in SQL " + statement.sql()));
			}
		}
	}

	/** Every GET route of every handler mapping: the site, the API and Actuator. */
	private List<Route> routes() {
		Set<Route> routes = new LinkedHashSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition()
					.getMethods()
					.contains(org.springframework.web.bind.annotation.RequestMethod.GET);
				if (!get || info.getPathPatternsCondition() == null) {
					continue;
				}
				boolean site = mapping.getClass().getName().startsWith("org.springframework.web.servlet");
				for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
					routes.add(new Route(pattern, readParameters(entry.getValue(), site)));
				}
			}
		}
		return new ArrayList<>(routes);
	}

	/**
	 * The parameters a handler reads: mode and paging through their resolvers,
	 * {@code @RequestParam}s by name, and latency on every page (an interceptor).
	 * Actuator operations bind their own parameters, so only 5xx and leaks are checked.
	 */
	private static Set<String> readParameters(HandlerMethod handler, boolean site) {
		Set<String> names = new TreeSet<>();
		if (!site) {
			return names;
		}
		names.add("latency");
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (type == Mode.class) {
				names.add("mode");
			}
			else if (type == Paging.class) {
				names.addAll(List.of("page", "size"));
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				if (name != null) {
					names.add(name);
				}
			}
		}
		if (handler.getBeanType().getName().startsWith("org.springframework.boot")) {
			names.clear();
		}
		return names;
	}

	private static String query(String name, String value) {
		return name + "=" + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			return "";
		}
	}

	private static String shorten(String text) {
		return (text.length() <= 120) ? text : text.substring(0, 120) + "…";
	}

	private Response raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			in.transferTo(buffer);
			String text = buffer.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			int bodyStart = text.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart < 0) ? "" : text.substring(bodyStart + 4));
		}
	}

	private record Response(int status, String body) {
	}

	/** A route template and the parameters its handler reads. */
	private record Route(String pattern, Set<String> parameters) {

		boolean reads(String parameter) {
			return this.parameters.contains(parameter);
		}

		/** page=0, latency=0 and after=0 are valid values, not hostile ones. */
		boolean allowsZero(String parameter) {
			return parameter.equals("page") || parameter.equals("latency") || parameter.equals("after");
		}

		/**
		 * {@code sizes} is a list ({@code 10, 50}): a space around a number is fine, and
		 * a repeated parameter adds to the list.
		 */
		boolean isList(String parameter) {
			return parameter.equals("sizes");
		}

		boolean hasPathVariables() {
			return PATH_VARIABLE.matcher(this.pattern).find();
		}

		/** The route with its variables at harmless values, to send parameters to. */
		String example() {
			return PATH_VARIABLE.matcher(this.pattern).replaceAll("1");
		}

		/**
		 * The route with every variable set to a hostile value, encoded as one segment.
		 */
		String with(String value) {
			String segment = value.startsWith("..%2f") ? value
					: UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
			return PATH_VARIABLE.matcher(this.pattern).replaceAll(Matcher.quoteReplacement(segment));
		}

		@Override
		public String toString() {
			return this.pattern + " " + Arrays.toString(this.parameters.toArray());
		}

	}

}
