package dev.nplusonelab.mistake;

import java.nio.charset.StandardCharsets;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class SerializerMistakeTests {

	private static final String BOOKS_OF_FIRST_AUTHORS = """
			SELECT count(*)
			FROM book
			WHERE author_id IN (SELECT id FROM author ORDER BY id LIMIT :size)
			""";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper json;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@Test
	void wrongSerializerRunsOnePlusTwoPerAuthorPlusOnePerBookForTheDefaultFiveAuthors() {
		Visit visit = this.pages.visit("/mistakes/serializer?mode=naive");

		long books = booksOfFirstAuthors(5);
		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "serializer", "N", 5, "B", books));
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(books);
		assertThat(books).isGreaterThan(100);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20 })
	void wrongSerializerRunsOnePlusTwoPerAuthorPlusOnePerBook(int size) {
		Visit visit = this.pages.visit("/mistakes/serializer?mode=naive&size=" + size);

		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "serializer", "N", size, "B", booksOfFirstAuthors(size)));
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 5, 20, 100 })
	void rightSerializerRunsTwoStatementsWhateverTheSize(int size) {
		Visit visit = this.pages.visit("/mistakes/serializer?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("= ANY(?)");
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		for (String size : new String[] { "", "&size=1" }) {
			String wrong = this.pages.visit("/mistakes/serializer?mode=naive" + size).records();
			String right = this.pages.visit("/mistakes/serializer?mode=optimized" + size).records();

			assertThat(right).as("size %s", size).isEqualTo(wrong).contains("\"books\"");
		}
	}

	@Test
	void thePageShowsWhatTheApiWrites() {
		String shown = this.pages.visit("/mistakes/serializer?mode=naive")
			.document()
			.getElementById("records")
			.wholeText();
		Visit api = this.pages.visit("/api/authors?mode=optimized&size=5");
		String written = new String(api.result().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

		assertThat(this.json.readTree(shown)).isEqualTo(this.json.readTree(written));
		assertThat(shown).contains("\n  \"items\" : [");
	}

	@Test
	void thePageLinksToTheApiInBothModesAndShowsTheLesson() {
		Document document = this.pages.visit("/mistakes/serializer?size=20").document();

		assertThat(document.select("a[href]").eachAttr("href")).contains("/api/authors?mode=naive&size=20",
				"/api/authors?mode=optimized&size=20", "/api/books?mode=naive&size=20",
				"/api/books?mode=optimized&size=20");
		assertThat(document.select(".eyebrow").text()).isEqualTo("Common mistake");
		assertThat(document.select(".cost-naive code.formula").text()).isEqualTo("1 + 2·N + B");
		assertThat(document.select(".code-naive figcaption").eachText())
			.anyMatch((caption) -> caption.contains("NaiveApiReader.java"));
	}

	@Test
	void badParametersAreBadRequests() {
		assertThat(this.mvc.get().uri("/mistakes/serializer?mode=bogus")).hasStatus(400)
			.bodyText()
			.contains("Unknown mode");
		assertThat(this.mvc.get().uri("/mistakes/serializer?size=0")).hasStatus(400)
			.bodyText()
			.contains("size must be from 1 to 500");
		assertThat(this.mvc.get().uri("/mistakes/serializer?size=abc")).hasStatus(400)
			.bodyText()
			.contains("size must be a whole number");
	}

	private long booksOfFirstAuthors(int size) {
		return this.jdbc.sql(BOOKS_OF_FIRST_AUTHORS).param("size", size).query(Long.class).single();
	}

}
