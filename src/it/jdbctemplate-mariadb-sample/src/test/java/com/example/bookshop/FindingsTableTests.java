package com.example.bookshop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static com.example.bookshop.Findings.AUTHORS_FIX;
import static com.example.bookshop.Findings.AUTHOR_NAME;
import static com.example.bookshop.Findings.BOOK_DETAILS;
import static com.example.bookshop.Findings.BOOK_FIX;
import static com.example.bookshop.Findings.BOOK_HEADING;
import static com.example.bookshop.Findings.COPIES_SOLD;
import static com.example.bookshop.Findings.COPIES_SOLD_FIX;
import static com.example.bookshop.Findings.GENRES;
import static com.example.bookshop.Findings.GENRES_FIX;
import static com.example.bookshop.Findings.REVIEW_COUNTS_FIX;
import static com.example.bookshop.Findings.REVIEW_COUNT;
import static com.example.bookshop.Findings.TAG_INSERT;
import static com.example.bookshop.Findings.TAG_INSERT_FIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the sample and everything the starter reports for it, in one table: a
 * finding too many (a duplicate beside an N+1, an N+1 for a write) fails it as surely as
 * one too few.
 */
@BookshopTest
class FindingsTableTests {

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
	void everyPageReportsExactlyTheFindingsItsCodeCallsFor() {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("GET /books",
				List.of("loop of 2 > n_plus_one | " + AUTHOR_NAME + " (6×) | " + AUTHORS_FIX,
						"loop of 2 > n_plus_one | " + REVIEW_COUNT + " (6×) | " + REVIEW_COUNTS_FIX,
						"duplicate | " + GENRES + " (6×) | " + GENRES_FIX));
		expected.put("GET /books/batched", List.of());
		expected.put("GET /books/sales", List.of("n_plus_one | " + COPIES_SOLD + " (6×) | " + COPIES_SOLD_FIX));
		expected.put("GET /books/1",
				List.of("duplicate | " + BOOK_HEADING + " (1×), " + BOOK_DETAILS + " (1×) | " + BOOK_FIX));
		expected.put("GET /books/404", List.of());
		expected.put("GET /authors", List.of());
		expected.put("POST /books/5/tags?count=10",
				List.of("unbatched_writes | " + TAG_INSERT + " (10×) | " + TAG_INSERT_FIX));
		expected.put("POST /books/5/tags?count=9", List.of());
		expected.put("POST /books/5/tags/batched?count=10", List.of());
		expected.put("DELETE /books/5/tags", List.of());

		Map<String, List<String>> reported = new LinkedHashMap<>();
		for (String request : expected.keySet()) {
			String[] methodAndUri = request.split(" ", 2);
			reported.put(request,
					rows(this.http.findings(this.http.exchange(HttpMethod.valueOf(methodAndUri[0]), methodAndUri[1]))));
		}

		assertThat(reported).containsExactlyEntriesOf(expected);
	}

	/**
	 * Each finding as a row of the table: its kind, its lines with their runs, its fix. A
	 * loop is a row per lookup it is made of, marked with its size: the loop's fix is
	 * made of theirs.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> rows(List<Map<String, Object>> findings) {
		return findings.stream().flatMap((finding) -> {
			List<Map<String, Object>> members = (List<Map<String, Object>>) finding.get("members");
			if (members.isEmpty()) {
				return Stream.of(row("", finding));
			}
			return members.stream().map((member) -> row("loop of " + members.size() + " > ", member));
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private static String row(String loop, Map<String, Object> finding) {
		String sites = ((List<Map<String, Object>>) finding.get("sites")).stream()
			.map((site) -> site.get("callSite") + " (" + site.get("runs") + "×)")
			.collect(Collectors.joining(", "));
		Map<String, Object> fix = (Map<String, Object>) finding.get("fix");
		return loop + finding.get("kind") + " | " + sites + " | " + ((fix != null) ? fix.get("text") : "no fix");
	}

}
