package com.example.bookshop;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static com.example.bookshop.Findings.AUTHOR_NAME;
import static com.example.bookshop.Findings.BOOK_DETAILS;
import static com.example.bookshop.Findings.BOOK_HEADING;
import static com.example.bookshop.Findings.GENRES;
import static com.example.bookshop.Findings.GENRES_FIX;
import static com.example.bookshop.Findings.REVIEW_COUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read pages as their developer meets the diagnostics: over HTTP, in the headers and
 * the report of each request. The JPA entities map the same tables, yet every fix for
 * these pages is in the terms of the {@code JdbcTemplate} and {@code JdbcClient} code
 * that ran the statements, and valid on MariaDB.
 */
@BookshopTest
class BookPagesTests {

	/**
	 * What a fix for a JdbcTemplate lookup must not name: JPA's fixes, which need an
	 * entity query the page does not have, and PostgreSQL's array binding, which MariaDB
	 * rejects.
	 */
	private static final List<String> NOT_FOR_JDBC = List.of("fetch", "EntityGraph", "findAllById", "JPQL", "BatchSize",
			"Book.author", "ANY(");

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
	void theAuthorLookedUpPerBookIsOneNPlusOneCountingItsThreeDistinctKeysWithAJdbcFix() {
		ResponseEntity<String> books = this.http.get("/books");

		// Six books, then for each its author, its review count and the genres
		assertThat(books.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("19");
		List<Map<String, Object>> findings = this.http.findings(books);
		// The author and the review count of each book: one loop of two lookups
		assertThat(findings).filteredOn((finding) -> "loop".equals(finding.get("kind")))
			.singleElement()
			.satisfies((loop) -> assertThat(loop).containsEntry("count", 12).containsEntry("distinct", 6));
		// Three authors for six books: each id is looked up twice, yet the repeats are
		// counted in the N+1, not reported again as a duplicate
		assertThat(lookups(findings)).filteredOn((finding) -> reads(finding, "author"))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding).containsEntry("kind", "n_plus_one")
					.containsEntry("count", 6)
					.containsEntry("distinct", 3)
					.containsEntry("source", 1)
					.containsEntry("sites", List.of(Map.of("callSite", AUTHOR_NAME, "runs", 6)));
				assertThat(String.valueOf(finding.get("message"))).contains("from " + AUTHOR_NAME, "3 distinct keys");
				assertThat(fix(finding)).containsEntry("code", "SELECT … FROM author WHERE id IN (:ids)");
				assertThat(String.valueOf(fix(finding).get("summary")))
					.contains("JdbcClient or NamedParameterJdbcTemplate");
				assertThat(String.valueOf(fix(finding).get("text")))
					.doesNotContainIgnoringCase(NOT_FOR_JDBC.toArray(String[]::new));
			});
		List<Map<String, Object>> statements = JsonPath.read(this.http.report(books).getJson(), "$.statements");
		assertThat(statements).filteredOn((statement) -> reads(statement, "author"))
			.hasSize(6)
			.allSatisfy((statement) -> assertThat(statement).containsEntry("issuer", "jdbc"));
		assertThat(statements).allSatisfy((statement) -> assertThat(statement).containsEntry("database", "MariaDB"));
	}

	@Test
	void theReviewCountPerBookIsAnNPlusOneThatOneGroupByAnswers() {
		List<Map<String, Object>> findings = this.http.findings(this.http.get("/books"));

		assertThat(lookups(findings)).filteredOn((finding) -> reads(finding, "review"))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding).containsEntry("kind", "n_plus_one")
					.containsEntry("count", 6)
					.containsEntry("distinct", 6)
					.containsEntry("sites", List.of(Map.of("callSite", REVIEW_COUNT, "runs", 6)));
				assertThat(fix(finding)).containsEntry("code",
						"SELECT book_id, … FROM review WHERE book_id IN (:ids) GROUP BY book_id");
				assertThat(String.valueOf(fix(finding).get("summary")))
					.startsWith("aggregate review by book_id for all parents at once");
			});
	}

	@Test
	void theGenreListReadAgainPerBookIsADuplicateToRunOnce() {
		List<Map<String, Object>> findings = this.http.findings(this.http.get("/books"));

		// No parameter: not a lookup per row, the same answer six times
		assertThat(findings).filteredOn((finding) -> reads(finding, "genre")).singleElement().satisfies((finding) -> {
			assertThat(finding).containsEntry("kind", "duplicate")
				.containsEntry("count", 6)
				.containsEntry("distinct", 1)
				.containsEntry("sites", List.of(Map.of("callSite", GENRES, "runs", 6)));
			assertThat(fix(finding)).containsEntry("text", GENRES_FIX);
		});
	}

	@Test
	void theSameBookReadByTheHeadingHelperAndByTheDetailsIsADuplicateListingBothLines() {
		ResponseEntity<String> book = this.http.get("/books/{id}", 1);

		assertThat(book.getStatusCode().value()).isEqualTo(200);
		assertThat(new JsonContent(book.getBody())).extractingPath("$.heading").isEqualTo("A Wizard of Earthsea");
		assertThat(new JsonContent(book.getBody())).extractingPath("$.book.author").isEqualTo("Ursula K. Le Guin");
		// The heading's read, the details' read of the same row, the author, the tags
		assertThat(book.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("4");
		assertThat(this.http.findings(book)).singleElement().satisfies((finding) -> {
			assertThat(finding).containsEntry("kind", "duplicate")
				.containsEntry("count", 2)
				.containsEntry("distinct", 1)
				.containsEntry("sites", List.of(Map.of("callSite", BOOK_HEADING, "runs", 1),
						Map.of("callSite", BOOK_DETAILS, "runs", 1)));
			assertThat(String.valueOf(finding.get("message")))
				.contains(BOOK_HEADING + " (1×), " + BOOK_DETAILS + " (1×)");
			assertThat(fix(finding)).containsEntry("code",
					"pass the first result on to the other line, or cache it with @Cacheable");
		});
	}

	@Test
	void anUnknownBookIsANotFoundAfterOneStatementAndNoFinding() {
		ResponseEntity<String> missing = this.http.get("/books/{id}", 404);

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(this.http.findings(missing)).isEmpty();
	}

	@Test
	void theBatchedListGivesTheSameBodyInFourStatementsWithNoFinding() {
		ResponseEntity<String> rowByRow = this.http.get("/books");

		ResponseEntity<String> batched = this.http.get("/books/batched");

		// The books, their authors by the collected ids, their review counts grouped by
		// book, the genres once
		assertThat(batched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("4");
		JsonContent report = this.http.report(batched);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(report).extractingPath("$.statements[1].sql").asString().contains("WHERE id IN (?, ?, ?)");
		assertThat(report).extractingPath("$.statements[2].sql").asString().contains("GROUP BY book_id");
		assertThat(batched.getBody()).isEqualTo(rowByRow.getBody());
		List<Map<String, Object>> lines = JsonPath.read(batched.getBody(), "$");
		assertThat(lines).hasSize(6)
			.contains(
					Map.of("id", 1, "title", "A Wizard of Earthsea", "author", "Ursula K. Le Guin", "reviews", 2,
							"genre", "Fantasy"),
					Map.of("id", 5, "title", "Small Gods", "author", "Terry Pratchett", "reviews", 0, "genre",
							"Humour"));
	}

	@Test
	void theOnePageThatGoesThroughJpaIsHibernatesOneStatementWithNoFinding() {
		ResponseEntity<String> authors = this.http.get("/authors");

		assertThat(authors.getBody()).isEqualTo("[\"Octavia E. Butler\",\"Terry Pratchett\",\"Ursula K. Le Guin\"]");
		assertThat(authors.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		JsonContent report = this.http.report(authors);
		assertThat(report).extractingPath("$.statements[0].issuer").isEqualTo("hibernate");
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
	}

	/** The findings with each loop replaced by the N+1s it is made of. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> lookups(List<Map<String, Object>> findings) {
		return findings.stream().flatMap((finding) -> {
			List<Map<String, Object>> members = (List<Map<String, Object>>) finding.get("members");
			return members.isEmpty() ? java.util.stream.Stream.of(finding) : members.stream();
		}).toList();
	}

	/** Whether a finding's or a statement's SQL reads the table, in any case. */
	private static boolean reads(Map<String, Object> findingOrStatement, String table) {
		return String.valueOf(findingOrStatement.get("sql")).toLowerCase(Locale.ROOT).contains("from " + table);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> fix(Map<String, Object> finding) {
		return (Map<String, Object>) finding.get("fix");
	}

}
