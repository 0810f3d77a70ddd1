package dev.nplusonelab.book;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.test.SqlBaseline;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.book.BookDetail.ReviewLine;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@SqlBaseline
class BookDetailTests {

	private static final String HAS_EDITOR = """
			SELECT count(editor_id)
			FROM book
			WHERE id = :id
			""";

	private static final String REVIEWS = """
			SELECT count(*)
			FROM review
			WHERE book_id = :id
			""";

	private static final String LATEST_REVIEW_IDS = """
			SELECT id
			FROM review
			WHERE book_id = :id
			ORDER BY created_at DESC, id DESC
			LIMIT 5
			""";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NaiveBookReader naive;

	@Autowired
	private OptimizedBookReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@Test
	void naiveBookDetailRunsSevenPlusOneForAnEditorPlusOnePerReviewShown() {
		for (long id : interestingBooks()) {
			long editor = this.jdbc.sql(HAS_EDITOR).param("id", id).query(Long.class).single();
			long reviews = reviews(id);
			long shown = Math.min(5, reviews);
			Visit visit = this.pages.visit("/books/" + id + "?mode=naive");

			assertThat(visit.statements()).as("book %d", id)
				.isEqualTo(Formulas.naive(this.guide, "book-detail", "E", editor, "R", shown));
			assertThat(visit.statementsContaining("FROM \"customer\"")).as("book %d", id).isEqualTo(shown);
			assertThat(visit.statementsContaining("FROM \"editor\"")).as("book %d", id).isEqualTo(editor);
			assertThat(visit.statementsContaining("FROM \"book_tag\"")).as("book %d", id).isOne();
		}
	}

	@Test
	void optimizedBookDetailRunsThreeStatementsHoweverManyReviews() {
		for (long id : interestingBooks()) {
			Visit visit = this.pages.visit("/books/" + id + "?mode=optimized");

			assertThat(visit.statements()).as("book %d", id).isEqualTo(3);
			assertThat(visit.sql().get(0)).contains("LEFT JOIN editor e").contains("LEFT JOIN LATERAL");
			assertThat(visit.sql().get(2)).contains("JOIN customer cu").contains("LIMIT 5");
		}
		assertThat(this.pages.visit("/books/1").statements()).as("the default mode").isEqualTo(3);
	}

	@Test
	void bothModesGiveEqualBookDetails() {
		for (long id : interestingBooks()) {
			BookDetail expected = this.naive.detail(id).orElseThrow();

			assertThat(this.optimized.detail(id)).as("book %d", id).contains(expected);
		}
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		for (long id : interestingBooks()) {
			String naiveRecords = this.pages.visit("/books/" + id + "?mode=naive").records();
			String optimizedRecords = this.pages.visit("/books/" + id + "?mode=optimized").records();

			assertThat(optimizedRecords).as("book %d", id).isEqualTo(naiveRecords).isNotBlank();
		}
	}

	@Test
	void theLatestReviewsAreTheFiveNewestWithTheirStatisticsOverAll() {
		BookDetail popular = this.optimized.detail(1).orElseThrow();
		List<Long> newest = this.jdbc.sql(LATEST_REVIEW_IDS).param("id", 1).query(Long.class).list();

		assertThat(popular.latestReviews()).extracting(ReviewLine::id).isEqualTo(newest).hasSize(5);
		assertThat(popular.reviewCount()).isEqualTo(reviews(1)).isGreaterThan(100);
		assertThat(popular.averageRating()).isNotNull();
		assertThat(popular.averageRating().scale()).isEqualTo(2);
		assertThat(popular.latestReviews())
			.allSatisfy((review) -> assertThat(review.customerName().get()).isNotBlank());
	}

	@Test
	void theTemplateLoadsThePublisherAndTheReviewersInNaiveMode() {
		RequestReport readerOnly = this.capture.capture(() -> this.naive.detail(1));
		Visit visit = this.pages.visit("/books/1?mode=naive");

		assertThat(readerOnly.statements()).noneMatch((statement) -> statement.sql().contains("FROM \"customer\"")
				|| statement.sql().contains("FROM \"publisher\""));
		assertThat(visit.statements()).isEqualTo(readerOnly.statementCount() + 1 + 5);
	}

	@Test
	void theDetailNeverLoadsTheBookContentInOptimizedMode() {
		Visit visit = this.pages.visit("/books/1?mode=optimized");

		assertThat(visit.sql().get(0)).doesNotContain("content").doesNotContain("b.*");
	}

	@Test
	void aBookWithoutReviewsOrEditorShowsDashes() {
		long id = this.jdbc.sql("""
				SELECT b.id
				FROM book b
				WHERE b.editor_id IS NULL
				  AND NOT EXISTS (SELECT 1 FROM review r WHERE r.book_id = b.id)
				ORDER BY b.id
				LIMIT 1
				""").query(Long.class).single();
		BookDetail book = this.optimized.detail(id).orElseThrow();

		assertThat(book.editorName()).isNull();
		assertThat(book.reviewCount()).isZero();
		assertThat(book.averageRating()).isNull();
		assertThat(book.latestReviews()).isEmpty();
		assertThat(this.pages.visit("/books/" + id + "?mode=naive").records()).contains("No reviews yet");
	}

	@Test
	void anUnknownBookIsNotFoundAndABadIdIsABadRequest() {
		assertThat(this.mvc.get().uri("/books/999999?mode=naive")).hasStatus(404)
			.bodyText()
			.contains("There is no book with id 999999");
		assertThat(this.mvc.get().uri("/books/999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/books/-1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/books/abc")).hasStatus(400).bodyText().contains("whole number");
		assertThat(this.mvc.get().uri("/books/1?mode=bogus")).hasStatus(400).bodyText().contains("Unknown mode");
	}

	@Test
	void theListLinksToEachBookAndAuthor() {
		var document = this.pages.visit("/books?size=5").document();

		assertThat(document.select("#records td.title a").eachAttr("href")).startsWith("/books/1", "/books/2");
		assertThat(document.select("#records td a[href^=/authors/]")).hasSize(5);
	}

	@Test
	void titlesAndNamesAreEscaped() {
		Visit visit = this.pages.visit("/books/3?mode=naive");

		assertThat(visit.document().select("#records h2").text())
			.isEqualTo("<script>alert(\"book\")</script> & Other Stories");
		assertThat(visit.document().select("#records script")).isEmpty();
	}

	/**
	 * The most reviewed book, books with and without an editor, with fewer than five
	 * reviews and with none, and the last book.
	 */
	private List<Long> interestingBooks() {
		List<Long> ids = new ArrayList<>(List.of(1L, 2L, 3L));
		ids.add(first("b.editor_id IS NULL AND EXISTS (SELECT 1 FROM review r WHERE r.book_id = b.id)"));
		ids.add(first("(SELECT count(*) FROM review r WHERE r.book_id = b.id) BETWEEN 1 AND 4"));
		ids.add(first("NOT EXISTS (SELECT 1 FROM review r WHERE r.book_id = b.id)"));
		ids.add(this.jdbc.sql("SELECT max(id) FROM book").query(Long.class).single());
		return ids;
	}

	private long first(String condition) {
		return this.jdbc.sql("SELECT min(b.id) FROM book b WHERE " + condition).query(Long.class).single();
	}

	private long reviews(long id) {
		return this.jdbc.sql(REVIEWS).param("id", id).query(Long.class).single();
	}

}
