package com.example.shop;

import java.net.http.HttpClient;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real server answers with, beyond a 200 with a body: every answer of a request
 * from this machine carries its count, the status the history keeps is the one the client
 * got, a report id that is sent resolves, and the management endpoints stay out of the
 * history wherever they live.
 */
class ResponsesTests {

	/** Over real HTTP, from this machine, not following redirects. */
	static RestClient client(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class OnTheApplicationsPort {

		@LocalServerPort
		private int port;

		@Autowired
		private SqlRequestHistory history;

		private RestClient http;

		@BeforeEach
		void connect() {
			this.http = client(this.port);
		}

		@ParameterizedTest(name = "{0} answers {1}")
		@CsvSource({ "/moved, 302", "/emptied, 204", "/missing, 404", "/books, 200" })
		void everyAnswerCarriesTheCountAndAReportIdThatResolves(String path, int status) {
			ResponseEntity<String> response = this.http.get().uri(path).retrieve().toEntity(String.class);

			// Mutation: with the redirect or the error sent at once, the container
			// commits
			// the response and drops the headers.
			assertThat(response.getStatusCode().value()).isEqualTo(status);
			assertThat(response.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
			assertThat(response.getHeaders().getFirst("Server-Timing")).contains("desc=\"1 statement\"");
			long id = Long.parseLong(response.getHeaders().getFirst("X-Sql-Report"));
			assertThat(this.history.find(id)).get().extracting((entry) -> entry.report().status()).isEqualTo(status);
			if (status == 302) {
				assertThat(response.getHeaders().getLocation()).hasPath("/books");
			}
		}

		@Test
		void anUnhandledExceptionIsRecordedWithTheStatusTheClientGot() {
			ResponseEntity<String> response = this.http.get().uri("/failing").retrieve().toEntity(String.class);

			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(recent("/failing")).extracting(RequestReport::status).containsOnly(500);
		}

		@Test
		void theActuatorIsNotKeptInTheHistory() {
			this.http.get().uri("/actuator/health").retrieve().toBodilessEntity();
			this.http.get().uri("/actuator/sqlrequests").retrieve().toBodilessEntity();

			assertThat(this.history.list(SqlRequestHistory.Order.RECENT))
				.noneMatch((entry) -> entry.report().path().startsWith("/actuator"));
		}

		private List<RequestReport> recent(String path) {
			return this.history.list(SqlRequestHistory.Order.RECENT)
				.stream()
				.map(SqlRequestHistory.Entry::report)
				.filter((report) -> report.path().equals(path))
				.toList();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.base-path=/manage")
	class UnderAnotherBasePath {

		@LocalServerPort
		private int port;

		@Autowired
		private SqlRequestHistory history;

		@Test
		void theManagementEndpointsAreNotKeptInTheHistory() {
			RestClient http = client(this.port);
			http.get().uri("/books").retrieve().toBodilessEntity();
			http.get().uri("/manage/health").retrieve().toBodilessEntity();
			http.get().uri("/manage/sqlrequests").retrieve().toBodilessEntity();

			assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting((entry) -> entry.report().path())
				.contains("/books")
				.doesNotContain("/manage/health", "/manage/sqlrequests");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
	class OnAPortOfTheirOwn {

		@LocalServerPort
		private int port;

		@org.springframework.boot.test.web.server.LocalManagementPort
		private int managementPort;

		@Autowired
		private SqlRequestHistory history;

		@Test
		void theManagementPortIsNotKeptInTheHistory() {
			client(this.port).get().uri("/books").retrieve().toBodilessEntity();
			client(this.managementPort).get().uri("/actuator/health").retrieve().toBodilessEntity();
			client(this.managementPort).get().uri("/actuator/sqlrequests").retrieve().toBodilessEntity();

			assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting((entry) -> entry.report().path())
				.contains("/books")
				.noneMatch((path) -> path.startsWith("/actuator"));
		}

	}

}
