package com.example.vets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.json.JsonContent;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP to the running sample, from this machine, so it sees what the starter shows
 * local requests only: the {@code X-Sql-*} headers and {@code /manage/sqlrequests}. It
 * follows no redirect, so that a redirect's own headers can be read, and answers every
 * status instead of throwing, so that a 404 or a 500 can be read too.
 */
final class SampleHttp {

	private final RestClient http;

	SampleHttp(int port) {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(client))
			.build();
	}

	ResponseEntity<String> get(String uri, Object... variables) {
		return exchange(this.http.get().uri(uri, variables));
	}

	ResponseEntity<String> post(String uri, Object... variables) {
		return exchange(this.http.post().uri(uri, variables));
	}

	private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((sent, response) -> ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.body(response.bodyTo(String.class)));
	}

	/** The request's full report, by the id its {@code X-Sql-Report} header gives. */
	JsonContent report(ResponseEntity<String> response) {
		return json("/manage/sqlrequests/{id}", response.getHeaders().getFirst("X-Sql-Report"));
	}

	JsonContent json(String uri, Object... variables) {
		ResponseEntity<String> response = get(uri, variables);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException(uri + " answered " + response.getStatusCode());
		}
		return new JsonContent(response.getBody());
	}

	/** Where {@code fragment} is in one of the sample's sources, as a call site reads. */
	static String line(String source, String fragment) {
		try {
			List<String> lines = Files.readAllLines(Path.of("src/main/java/com/example/vets", source));
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
