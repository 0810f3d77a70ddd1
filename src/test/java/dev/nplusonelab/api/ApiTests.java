package dev.nplusonelab.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class ApiTests {

	private static final String BOOKS_OF_AUTHORS_ON_PAGE = """
			SELECT count(*)
			FROM book
			WHERE author_id IN (SELECT id FROM author ORDER BY id LIMIT :size OFFSET :offset)
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private ApiReaders readers;

	@Autowired
	private JsonMapper json;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 5, 50 })
	void naiveBookApiRunsOnePlusFourPerBookPlusOneForTheLookAhead(int size) {
		Paging paging = new Paging(3, size);
		Visit visit = this.pages.visit("/api/books?mode=naive&page=3&size=" + size);

		// Spring Data JDBC reads one row past the page to answer hasNext(), and loads
		// that book's tag links before dropping it.
		long lookAhead = (count("SELECT count(*) FROM book") > paging.offset() + size) ? 1 : 0;
		assertThat(visit.statements()).isEqualTo(1 + 4 * size + lookAhead);
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(size + lookAhead);
		assertThat(visit.statementsContaining("FROM \"author\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"tag\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("SELECT count(*) FROM review")).isEqualTo(size);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 5, 20 })
	void naiveAuthorApiRunsOnePlusTwoPerAuthorPlusOnePerBook(int size) {
		Paging paging = new Paging(2, size);
		Visit visit = this.pages.visit("/api/authors?mode=naive&page=2&size=" + size);

		long books = this.jdbc.sql(BOOKS_OF_AUTHORS_ON_PAGE)
			.param("size", size)
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
		assertThat(visit.statements()).isEqualTo(1 + 2 * size + books);
		assertThat(visit.statementsContaining("FROM \"publisher\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(books);
	}

	@Test
	void naiveOneBookRunsFiveStatementsAndOptimizedTwo() {
		for (long id : List.of(1L, 3L, 20_000L)) {
			assertThat(this.pages.visit("/api/books/" + id + "?mode=naive").statements()).isEqualTo(5);
			assertThat(this.pages.visit("/api/books/" + id + "?mode=optimized").statements()).isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20, 500 })
	void optimizedApiRunsTwoStatementsWhateverThePageSize(int size) {
		Visit books = this.pages.visit("/api/books?size=" + size);
		Visit authors = this.pages.visit("/api/authors?mode=optimized&size=" + size);

		assertThat(books.statements()).isEqualTo(2);
		assertThat(books.sql().get(1)).contains("= ANY(?)");
		assertThat(authors.statements()).isEqualTo(2);
		assertThat(authors.sql().get(1)).contains("= ANY(?)").contains("FROM book b");
	}

	@Test
	void naiveStatementsRunWhileJacksonWritesTheResponse() {
		Paging paging = Paging.first(5);
		long books = booksOfAuthorsOnPage(paging);
		List<ListPage<AuthorJson>> read = new ArrayList<>();
		RequestReport reading = this.capture.capture(() -> read.add(this.readers.get(Mode.NAIVE).authors(paging)));
		RequestReport writing = this.capture.capture(() -> this.json.writeValueAsString(read.get(0)));

		// The reader runs one statement and returns; the rest runs inside Jackson.
		assertThat(reading.statementCount()).isOne();
		assertThat(writing.statementCount()).isEqualTo(2 * paging.size() + books);
		assertThat(this.pages.visit("/api/authors?mode=naive&size=5").statements()).isEqualTo(1 + 2 * 5 + books);
	}

	@Test
	void optimizedPayloadsAreCompleteBeforeJacksonWrites() {
		Paging paging = Paging.first(20);
		ListPage<AuthorJson> authors = this.readers.get(Mode.OPTIMIZED).authors(paging);
		ListPage<BookJson> books = this.readers.get(Mode.OPTIMIZED).books(paging);

		assertThat(this.capture.capture(() -> this.json.writeValueAsString(authors)).statementCount()).isZero();
		assertThat(this.capture.capture(() -> this.json.writeValueAsString(books)).statementCount()).isZero();
	}

	@Test
	void bothModesWriteIdenticalJson() {
		long lastBookPage = (count("SELECT count(*) FROM book") - 1) / 20;
		long lastAuthorPage = (count("SELECT count(*) FROM author") - 1) / 20;
		for (String uri : List.of("/api/books?size=20", "/api/books?page=7&size=50",
				"/api/books?page=" + lastBookPage + "&size=20", "/api/books/1", "/api/books/3", "/api/authors?size=5",
				"/api/authors?page=9&size=20", "/api/authors?page=" + lastAuthorPage + "&size=20")) {
			String separator = uri.contains("?") ? "&" : "?";
			String naive = body(this.pages.visit(uri + separator + "mode=naive"));
			String optimized = body(this.pages.visit(uri + separator + "mode=optimized"));

			assertThat(optimized).as(uri).isEqualTo(naive);
			assertThat(this.json.readTree(optimized).isObject()).isTrue();
		}
	}

	@Test
	void booksCarryTheirAuthorTagsAndReviewCount() {
		JsonNode page = this.json.readTree(body(this.pages.visit("/api/books?mode=naive&size=3")));
		JsonNode first = page.get("items").get(0);

		assertThat(page.get("hasNext").asBoolean()).isTrue();
		assertThat(page.get("items").size()).isEqualTo(3);
		assertThat(first.get("id").asLong()).isOne();
		assertThat(first.get("author").get("name").asString()).isNotBlank();
		assertThat(first.get("tags").isArray()).isTrue();
		assertThat(first.get("reviewCount").asLong()).isEqualTo(count("SELECT count(*) FROM review WHERE book_id = 1"));
	}

	@Test
	void authorsCarryEveryBookNewestFirst() {
		JsonNode author = this.json.readTree(body(this.pages.visit("/api/authors?size=1"))).get("items").get(0);
		List<Long> newest = this.jdbc.sql("SELECT id FROM book WHERE author_id = 1 ORDER BY published_on DESC, id DESC")
			.query(Long.class)
			.list();

		assertThat(author.get("books").valueStream().map((book) -> book.get("id").asLong()).toList()).isEqualTo(newest);
		assertThat(newest).hasSizeGreaterThan(100);
		assertThat(author.get("books").get(0).get("publishedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/books?mode=bogus                | 400 | Unknown mode "bogus". Use mode=naive or mode=optimized.
			/api/authors?mode=bogus              | 400 | Unknown mode "bogus". Use mode=naive or mode=optimized.
			/api/books/1?mode=bogus              | 400 | Unknown mode "bogus". Use mode=naive or mode=optimized.
			/api/books?size=0                    | 400 | size must be from 1 to 500, not 0.
			/api/authors?size=501                | 400 | size must be from 1 to 500, not 501.
			/api/books?page=-1                   | 400 | page must be from 0 to 1000000, not -1.
			/api/books?page=abc                  | 400 | page must be a whole number, not "abc".
			/api/books?page=100000               | 400 | page 100000 is past the last page of books.
			/api/authors?page=100000&mode=naive  | 400 | page 100000 is past the last page of authors.
			/api/books/abc                       | 400 | id must be a whole number.
			/api/books/999999                    | 404 | There is no book with id 999999.
			/api/books/999999?mode=naive         | 404 | There is no book with id 999999.
			/api/no-such-endpoint                | 404 | There is no API endpoint at this address.
			""")
	void errorsAreJsonProblemDetails(String uri, int status, String detail) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(status);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers().containsHeader("X-Sql-Statements");
		JsonNode problem = this.json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).startsWith(detail);
		assertThat(problem.get("instance").asString()).isEqualTo(uri.replaceFirst("\\?.*", ""));
		assertThat(result).bodyText().doesNotContain("Exception").doesNotContain("at dev.nplusonelab");
	}

	@Test
	void theApiOnlyReads() {
		MvcTestResult result = this.mvc.post().uri("/api/books").exchange();

		assertThat(result).hasStatus(405);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).headers().hasValue("Allow", "GET,HEAD");
	}

	@Test
	void theHtmlPagesKeepTheirHtmlErrors() {
		assertThat(this.mvc.get().uri("/books/999999")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
		assertThat(this.mvc.get().uri("/books?mode=bogus")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	private long booksOfAuthorsOnPage(Paging paging) {
		return this.jdbc.sql(BOOKS_OF_AUTHORS_ON_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String body(Visit visit) {
		return new String(visit.result().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
