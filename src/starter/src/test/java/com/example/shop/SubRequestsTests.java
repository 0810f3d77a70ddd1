package com.example.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.web.SqlMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request the application makes to itself on behalf of another names the other's
 * report: the history keeps it in the other's entry instead of a slot of its own, and the
 * other's headers say what it ran, while every count, metric and budget stays with the
 * request that ran the statements. The history keeps each request's query string, unless
 * told not to.
 */
class SubRequestsTests {

	/**
	 * A page that runs one statement and loads {@code /books} (one statement)
	 * {@code count} times over HTTP, on its own behalf, as a comparison page would.
	 */
	@RestController
	static class FanOut {

		private final JdbcClient jdbc;

		private final ObjectProvider<SqlCapture> capture;

		private final HttpClient http = HttpClient.newHttpClient();

		/**
		 * Takes the capture through a provider: the shop's other tests switch the starter
		 * off, and this controller must not stop their context from starting.
		 */
		FanOut(JdbcClient jdbc, ObjectProvider<SqlCapture> capture) {
			this.jdbc = jdbc;
			this.capture = capture;
		}

		@GetMapping({ "/fan-out", "/unkept/fan-out" })
		List<Integer> fanOut(@RequestParam int count, HttpServletRequest request)
				throws IOException, InterruptedException {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			String parent = Long.toString(this.capture.getObject().current().id());
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				HttpRequest books = HttpRequest
					.newBuilder(URI.create("http://localhost:" + request.getLocalPort() + "/books?size=" + i))
					.header(SqlRequestHistory.PARENT_HEADER, parent)
					.build();
				statuses.add(this.http.send(books, HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			return statuses;
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@Import(FanOut.class)
	class WithQueryStrings {

		@LocalServerPort
		private int port;

		@Autowired
		private SqlRequestHistory history;

		@Autowired
		private MeterRegistry registry;

		private RestClient http;

		@BeforeEach
		void connect() {
			this.http = ResponsesTests.client(this.port);
		}

		@Test
		void theRequestsAPageMadeAreKeptInItsEntryAndNamedInItsHeaders() {
			long before = newest();
			long booksBefore = count("/books");

			ResponseEntity<String> response = this.http.get().uri("/fan-out?count=2").retrieve().toEntity(String.class);

			assertThat(response.getBody()).isEqualTo("[200,200]");
			assertThat(response.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
			assertThat(response.getHeaders().getFirst("X-Sql-Sub-Requests")).isEqualTo("2");
			assertThat(response.getHeaders().getFirst("X-Sql-Sub-Statements")).isEqualTo("2");
			assertThat(response.getHeaders().get("Server-Timing")).hasSize(2)
				.last()
				.asString()
				.startsWith("sql-sub;dur=")
				.endsWith("desc=\"2 in 2 requests it made\"");
			long id = Long.parseLong(response.getHeaders().getFirst("X-Sql-Report"));
			SqlRequestHistory.Entry entry = this.history.find(id).orElseThrow();
			assertThat(entry.report().statementCount()).isOne();
			assertThat(entry.query()).isEqualTo("count=2");
			assertThat(entry.children()).extracting(SqlRequestHistory.Entry::target)
				.containsExactly("/books?size=0", "/books?size=1");
			assertThat(entry.subRequests().statements()).isEqualTo(2);
			assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting((kept) -> kept.report().id())
				.filteredOn((kept) -> kept > before)
				.containsExactly(id);
			assertThat(count("/books") - booksBefore).isEqualTo(2);
		}

		@Test
		void theEndpointListsEachRequestWithItsQueryStringAndTheRequestsItMade() {
			ResponseEntity<String> response = this.http.get().uri("/fan-out?count=1").retrieve().toEntity(String.class);
			long id = Long.parseLong(response.getHeaders().getFirst("X-Sql-Report"));

			String json = this.http.get().uri("/actuator/sqlrequests/" + id).retrieve().body(String.class);

			assertThat(response.getHeaders().get("Server-Timing")).last()
				.asString()
				.endsWith("desc=\"1 in 1 request it made\"");
			assertThat(json).contains("\"query\":\"count=1\"", "\"subRequests\":1", "\"subRequestStatements\":1",
					"\"children\":[{\"id\":", "\"query\":\"size=0\"");
		}

		/**
		 * A header that names no request in flight here, or is not an id at all, is
		 * ignored: the request is kept as any other.
		 */
		@Test
		void aRequestNamingNoRequestInFlightIsKeptAsAnyOther() {
			for (String parent : List.of("987654321", "abc", "")) {
				ResponseEntity<String> response = this.http.get()
					.uri("/books?size=3")
					.header(SqlRequestHistory.PARENT_HEADER, parent)
					.retrieve()
					.toEntity(String.class);
				long id = Long.parseLong(response.getHeaders().getFirst("X-Sql-Report"));

				assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).as(parent)
					.extracting((kept) -> kept.report().id())
					.contains(id);
				assertThat(response.getHeaders().getFirst("X-Sql-Sub-Requests")).isNull();
			}
		}

		@Test
		void aRequestNamingARequestInFlightIsHeldForIt() {
			this.history.started(Long.MAX_VALUE);
			try {
				long id = Long.parseLong(this.http.get()
					.uri("/books")
					.header(SqlRequestHistory.PARENT_HEADER, Long.toString(Long.MAX_VALUE))
					.retrieve()
					.toEntity(String.class)
					.getHeaders()
					.getFirst("X-Sql-Report"));

				assertThat(this.history.find(id)).isPresent();
				assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting((kept) -> kept.report().id())
					.doesNotContain(id);
			}
			finally {
				assertThat(this.history.completed(Long.MAX_VALUE)).hasSize(1);
			}
		}

		private long newest() {
			return this.history.list(SqlRequestHistory.Order.RECENT)
				.stream()
				.mapToLong((entry) -> entry.report().id())
				.max()
				.orElse(0);
		}

		private long count(String uri) {
			DistributionSummary summary = this.registry.find(SqlMetrics.STATEMENTS).tag("uri", uri).summary();
			return (summary != null) ? summary.count() : 0;
		}

	}

	/**
	 * Where query strings may carry tokens, the history leaves them out; and a page the
	 * history does not keep leaves the requests it made as requests of their own.
	 */
	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "nplusone.history.query-strings=false", "nplusone.history.exclude=/unkept/**" })
	@Import(FanOut.class)
	class WithoutQueryStrings {

		@LocalServerPort
		private int port;

		@Autowired
		private SqlRequestHistory history;

		@Test
		void theHistoryKeepsNoQueryString() {
			long id = Long.parseLong(ResponsesTests.client(this.port)
				.get()
				.uri("/books?token=secret")
				.retrieve()
				.toEntity(String.class)
				.getHeaders()
				.getFirst("X-Sql-Report"));

			SqlRequestHistory.Entry entry = this.history.find(id).orElseThrow();
			assertThat(entry.query()).isNull();
			assertThat(entry.target()).isEqualTo("/books");
		}

		@Test
		void theRequestsOfAPageTheHistoryDoesNotKeepAreKeptOnTheirOwn() {
			ResponseEntity<String> response = ResponsesTests.client(this.port)
				.get()
				.uri("/unkept/fan-out?count=2")
				.retrieve()
				.toEntity(String.class);

			assertThat(response.getHeaders().getFirst("X-Sql-Report")).isNull();
			assertThat(response.getHeaders().getFirst("X-Sql-Sub-Requests")).isEqualTo("2");
			assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting(SqlRequestHistory.Entry::target)
				.startsWith("/books", "/books");
		}

	}

}
