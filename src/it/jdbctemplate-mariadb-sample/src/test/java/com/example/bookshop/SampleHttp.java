package com.example.bookshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.json.JsonContent;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP to the running sample, from this machine, so it sees what the starter shows
 * local requests only: the {@code X-Sql-*} headers on the application's port, and
 * {@code /actuator/sqlrequests} on the management port. It follows no redirect, so that a
 * redirect's own headers can be read, and it reads error statuses instead of throwing.
 */
final class SampleHttp {

	private final RestClient app;

	private final RestClient management;

	SampleHttp(int port, int managementPort) {
		this.app = client(port);
		this.management = client(managementPort);
	}

	private static RestClient client(int port) {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<String> get(String uri, Object... variables) {
		return exchange(HttpMethod.GET, uri, variables);
	}

	ResponseEntity<String> post(String uri, Object... variables) {
		return exchange(HttpMethod.POST, uri, variables);
	}

	ResponseEntity<String> delete(String uri, Object... variables) {
		return exchange(HttpMethod.DELETE, uri, variables);
	}

	ResponseEntity<String> exchange(HttpMethod method, String uri, Object... variables) {
		return this.app.method(method).uri(uri, variables).retrieve().toEntity(String.class);
	}

	/** The request's full report, by the id its {@code X-Sql-Report} header gives. */
	JsonContent report(ResponseEntity<String> response) {
		String id = response.getHeaders().getFirst("X-Sql-Report");
		ResponseEntity<String> report = managementGet("/actuator/sqlrequests/{id}", id);
		if (report.getStatusCode().value() != 200) {
			throw new IllegalStateException("No report " + id + ": " + report.getStatusCode());
		}
		return new JsonContent(report.getBody());
	}

	/** The findings of a request's report, as the endpoint writes them. */
	List<Map<String, Object>> findings(ResponseEntity<String> response) {
		return JsonPath.read(report(response).getJson(), "$.findings");
	}

	ResponseEntity<String> managementGet(String uri, Object... variables) {
		return this.management.get().uri(uri, variables).retrieve().toEntity(String.class);
	}

	JsonContent managementJson(String uri, Object... variables) {
		return new JsonContent(managementGet(uri, variables).getBody());
	}

	/**
	 * Where {@code fragment} is in one of the sample's sources, as a call site reads: on
	 * exactly one line, so that an edit cannot make it point at another statement.
	 */
	static String line(String source, String fragment) {
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of("src/main/java/com/example/bookshop", source));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Integer> found = IntStream.range(0, lines.size())
			.filter((i) -> lines.get(i).contains(fragment))
			.boxed()
			.toList();
		if (found.size() != 1) {
			throw new IllegalArgumentException(fragment + " is on " + found.size() + " lines of " + source);
		}
		return source + ":" + (found.get(0) + 1);
	}

}
