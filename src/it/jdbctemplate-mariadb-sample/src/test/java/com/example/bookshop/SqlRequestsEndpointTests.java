package com.example.bookshop;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's endpoint on the management port: EXPLAIN in MariaDB's own form, a history
 * that holds the application's requests and never the endpoint's own, and a report id in
 * every response that the history resolves.
 */
@BookshopTest
class SqlRequestsEndpointTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port, this.managementPort);
	}

	@Test
	void explainOnMariaDbRunsAnalyzeAndReturnsItsTableWithTheRowsItRead() {
		String id = this.http.get("/books/batched").getHeaders().getFirst("X-Sql-Report");

		// The second statement: the authors by the collected ids
		JsonContent explained = this.http.managementJson("/actuator/sqlrequests/{id}/{index}", id, 2);

		assertThat(explained).extractingPath("$.database").isEqualTo("MariaDB");
		assertThat(explained).extractingPath("$.supported").isEqualTo(true);
		assertThat(explained).extractingPath("$.sql").asString().contains("FROM author", "WHERE id IN (?, ?, ?)");
		// ANALYZE, not EXPLAIN: the table has the rows it read (r_rows) beside the
		// estimate (rows)
		List<String> plan = JsonPath.read(explained.getJson(), "$.plan");
		assertThat(plan).hasSizeGreaterThanOrEqualTo(2);
		assertThat(plan.get(0)).contains("select_type", "table", "rows", "r_rows");
		assertThat(plan.subList(1, plan.size())).anySatisfy((row) -> assertThat(row).contains("author"));
	}

	@Test
	void explainRefusesAStatementThatIsNotASelect() {
		ResponseEntity<String> added = this.http.post("/books/{id}/tags?count={count}", 3, 1);
		String id = added.getHeaders().getFirst("X-Sql-Report");

		ResponseEntity<String> explained = this.http.managementGet("/actuator/sqlrequests/{id}/{index}", id, 1);

		assertThat(this.http.report(added)).extractingPath("$.statements[0].sql").asString().startsWith("INSERT");
		// Refused before anything runs: a bad request, where a statement that is not in
		// the report is not found
		assertThat(explained.getStatusCode().value()).isEqualTo(400);
		assertThat(this.http.managementGet("/actuator/sqlrequests/{id}/{index}", id, 2).getStatusCode().value())
			.isEqualTo(404);
		this.http.delete("/books/{id}/tags", 3);
	}

	@Test
	void requestsToTheManagementPortAreNeverInTheHistory() {
		String id = this.http.get("/books/batched").getHeaders().getFirst("X-Sql-Report");
		List<Object> before = historyIds();

		// Reads of every kind on the management port, one of them running a statement
		ResponseEntity<String> list = this.http.managementGet("/actuator/sqlrequests");
		this.http.managementGet("/actuator/sqlrequests/{id}", id);
		this.http.managementGet("/actuator/sqlrequests/{id}/{index}", id, 1);
		this.http.managementGet("/actuator/health");
		this.http.managementGet("/actuator/metrics/app.sql.statements");

		assertThat(historyIds()).isEqualTo(before).contains(Integer.valueOf(id));
		List<String> routes = JsonPath.read(this.http.managementGet("/actuator/sqlrequests?limit=1000").getBody(),
				"$.requests[*].route");
		assertThat(routes).isNotEmpty().noneMatch((route) -> route.contains("actuator"));
		assertThat(list.getHeaders().getFirst("X-Sql-Report")).isNull();
	}

	@Test
	void everyReportIdTheApplicationSendsResolvesInTheHistory() {
		List<String> requests = List.of("GET /books", "GET /books/batched", "GET /books/1", "GET /books/404",
				"GET /authors", "POST /books/4/tags?count=2", "POST /books/4/tags/batched?count=2",
				"DELETE /books/4/tags");
		List<String> resolved = new ArrayList<>();
		for (String request : requests) {
			String[] methodAndUri = request.split(" ", 2);
			ResponseEntity<String> response = this.http.exchange(HttpMethod.valueOf(methodAndUri[0]), methodAndUri[1]);
			String id = response.getHeaders().getFirst("X-Sql-Report");
			assertThat(id).as("X-Sql-Report of %s", request).isNotNull();
			ResponseEntity<String> report = this.http.managementGet("/actuator/sqlrequests/{id}", id);
			assertThat(report.getStatusCode().value()).as("report %s of %s", id, request).isEqualTo(200);
			JsonContent json = new JsonContent(report.getBody());
			assertThat(json).extractingPath("$.summary.id").isEqualTo(Integer.valueOf(id));
			assertThat(json).extractingPath("$.summary.statements")
				.isEqualTo(Integer.valueOf(response.getHeaders().getFirst("X-Sql-Statements")));
			resolved.add(JsonPath.read(report.getBody(), "$.summary.method") + " "
					+ JsonPath.read(report.getBody(), "$.path"));
		}
		assertThat(resolved)
			.containsExactlyElementsOf(requests.stream().map((request) -> request.replaceFirst("\\?.*", "")).toList());
	}

	private List<Object> historyIds() {
		return JsonPath.read(this.http.managementGet("/actuator/sqlrequests?limit=1000").getBody(), "$.requests[*].id");
	}

}
