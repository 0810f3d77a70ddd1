package com.example.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP to the running sample, from this machine, so it sees what the starter shows
 * local requests only: the {@code X-Sql-*} headers and {@code /actuator/sqlrequests}.
 */
final class SampleHttp {

	private final RestClient http;

	SampleHttp(int port) {
		this.http = RestClient.create("http://localhost:" + port);
	}

	ResponseEntity<String> get(String uri, Object... variables) {
		return this.http.get().uri(uri, variables).retrieve().toEntity(String.class);
	}

	/** The request's full report, by the id its {@code X-Sql-Report} header gives. */
	JsonContent report(ResponseEntity<String> response) {
		return json("/actuator/sqlrequests/{id}", response.getHeaders().getFirst("X-Sql-Report"));
	}

	JsonContent json(String uri, Object... variables) {
		return new JsonContent(get(uri, variables).getBody());
	}

	/** One statistic of a meter for one route, 0 before the route was first served. */
	double measured(String meter, String route, String statistic) {
		return this.http.get()
			.uri("/actuator/metrics/{meter}?tag={tag}", meter, "uri:" + route)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 404) {
					return 0.0;
				}
				List<Double> values = JsonPath.read(response.bodyTo(String.class),
						"$.measurements[?(@.statistic == '" + statistic + "')].value");
				return values.get(0);
			});
	}

	/** Where {@code fragment} is in one of the sample's sources, as a call site reads. */
	static String line(String source, String fragment) {
		try {
			List<String> lines = Files.readAllLines(Path.of("src/main/java/com/example/orders", source));
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).contains(fragment)) {
					return source + ":" + (i + 1);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalArgumentException(fragment + " is not in " + source);
	}

}
