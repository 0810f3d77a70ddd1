package dev.nplusonelab.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

/**
 * Requests one of this application's own pages over loopback HTTP, exactly as a visitor
 * would: the same filters, the same view, the same count. The guide measures its counts
 * this way, and the compare view loads a page in both modes. Only ever asked for a path
 * that was checked against the application's own routes.
 * <p>
 * A probe made while a request is served names that request's SQL report
 * ({@link SqlRequestHistory#PARENT_HEADER}): the history then keeps the probe inside the
 * request's entry, and the request's panel says what its probes ran, instead of the
 * probes pushing the page a visitor came from out of the history.
 */
@Component
public class PageProbe {

	/** Marks a probe's requests. */
	public static final String HEADER = "X-Lab-Probe";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectProvider<SqlCapture> capture;

	PageProbe(ApplicationContext context, ObjectProvider<SqlCapture> capture) {
		this.context = context;
		this.capture = capture;
	}

	/**
	 * GETs {@code pathAndQuery} (already encoded, starting with {@code /}).
	 * @throws IllegalStateException when the page cannot be reached
	 */
	public Page get(String pathAndQuery) {
		if (!pathAndQuery.startsWith("/") || pathAndQuery.startsWith("//")) {
			throw new IllegalArgumentException("Not a path of this application: " + pathAndQuery);
		}
		int port = port().orElseThrow(() -> new IllegalStateException("This application serves no HTTP port"));
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.timeout(TIMEOUT)
			.header(HEADER, "1")
			.GET();
		SqlCapture capture = this.capture.getIfAvailable();
		RequestReport served = (capture != null) ? capture.current() : null;
		if (served != null) {
			builder.header(SqlRequestHistory.PARENT_HEADER, Long.toString(served.id()));
		}
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					header(response, "X-Sql-Statements"),
					response.headers().firstValue("X-Records-Digest").orElse(null), header(response, "X-Records-Count"),
					response.body(), response.headers().firstValue("X-Sql-Report").map(Long::valueOf).orElse(null));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Could not load " + pathAndQuery + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while loading " + pathAndQuery, ex);
		}
	}

	private Optional<Integer> port() {
		if (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			return (port > 0) ? Optional.of(port) : Optional.empty();
		}
		return Optional.empty();
	}

	private static @Nullable Integer header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).map(Integer::valueOf).orElse(null);
	}

	/**
	 * What a page answered.
	 *
	 * @param status the HTTP status
	 * @param contentType the response's content type
	 * @param statements its {@code X-Sql-Statements}
	 * @param digest its {@code X-Records-Digest}, for a page with records
	 * @param records its {@code X-Records-Count}
	 * @param body the body
	 * @param report the id of its SQL report ({@code X-Sql-Report}), to find it in the
	 * request history
	 */
	public record Page(int status, String contentType, @Nullable Integer statements, @Nullable String digest,
			@Nullable Integer records, String body, @Nullable Long report) {

		public boolean isOk() {
			return this.status == 200;
		}

		public boolean isJson() {
			return this.contentType.contains("json");
		}

	}

}
