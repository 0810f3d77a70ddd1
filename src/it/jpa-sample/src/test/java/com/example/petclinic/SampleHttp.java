package com.example.petclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

	ResponseEntity<String> post(String uri, Object... variables) {
		return this.http.post().uri(uri, variables).retrieve().toEntity(String.class);
	}

	/** The request's full report, by the id its {@code X-Sql-Report} header gives. */
	JsonContent report(ResponseEntity<String> response) {
		return json("/actuator/sqlrequests/{id}", response.getHeaders().getFirst("X-Sql-Report"));
	}

	JsonContent json(String uri, Object... variables) {
		return new JsonContent(get(uri, variables).getBody());
	}

	/**
	 * The request's findings as a table, one row per finding, in the report's order.
	 */
	List<Finding> findings(ResponseEntity<String> response) {
		List<Map<String, Object>> findings = JsonPath.read(report(response).getJson(), "$.findings");
		return findings.stream().map(Finding::of).toList();
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

	/**
	 * A line that issued statements of a finding, as the finding lists it:
	 * {@code OwnerSummary.java:9 (10×)}.
	 */
	static String site(String source, String fragment, int runs) {
		return line(source, fragment) + " (" + runs + "×)";
	}

	/** Where {@code fragment} is in one of the sample's sources, as a call site reads. */
	static String line(String source, String fragment) {
		try {
			List<String> lines = Files.readAllLines(Path.of("src/main/java/com/example/petclinic", source));
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

	/**
	 * A row of a report's findings table.
	 *
	 * @param kind {@code n_plus_one}, {@code duplicate}, {@code unbatched_writes} or
	 * {@code large_values}
	 * @param sites every line that issued its statements, with how often
	 * @param fix the fix as its message shows it, or {@code null} when none is named
	 */
	record Finding(String kind, String sites, String fix) {

		@SuppressWarnings("unchecked")
		static Finding of(Map<String, Object> finding) {
			List<Map<String, Object>> sites = (List<Map<String, Object>>) finding.get("sites");
			Map<String, Object> fix = (Map<String, Object>) finding.get("fix");
			return new Finding((String) finding.get("kind"), String.join(", ",
					sites.stream().map((site) -> site.get("callSite") + " (" + site.get("runs") + "×)").toList()),
					(fix != null) ? (String) fix.get("text") : null);
		}

	}

}
