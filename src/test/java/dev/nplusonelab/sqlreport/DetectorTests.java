package dev.nplusonelab.sqlreport;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.store.Bookstore;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class DetectorTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Guide guide;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@TestFactory
	Stream<DynamicTest> everyNaivePageHasAFindingAndNoOptimizedPageHasAny() {
		Pages pages = new Pages(this.mvc);
		return this.guide.all().stream().map((technique) -> DynamicTest.dynamicTest(technique.key(), () -> {
			String href = technique.href().replaceAll("([?&])mode=[^&]*&?", "$1").replaceAll("[?&]$", "");
			String separator = href.contains("?") ? "&" : "?";
			Pages.Visit naive = pages.visit(href + separator + "mode=naive");
			Pages.Visit optimized = pages.visit(href + separator + "mode=optimized");

			assertThat(this.diagnostics.findings(naive.report())).as("naive %s", href).isNotEmpty();
			assertThat(this.diagnostics.findings(optimized.report())).as("optimized %s", href).isEmpty();
			assertThat(optimized.document().select("#sql-panel").attr("data-nplusone")).isEqualTo("0");
			// Over-prefetching is not an N+1: it reads too much at once. A batch too
			// small is batch+1, which the panel does not count as one.
			if (technique.key().equals("batch-too-small")) {
				assertThat(this.diagnostics.findings(naive.report())).extracting(Finding::kind)
					.containsOnly(Finding.Kind.BATCH_PLUS_ONE);
			}
			else if (!technique.key().equals("over-prefetching")) {
				assertThat(repeats(naive.report())).as("naive %s", href).isNotEmpty();
				assertThat(naive.document().select("#sql-panel").attr("data-nplusone")).isNotEqualTo("0");
			}
		}));
	}

	@Test
	void eachRepeatedLookupOfTheBookListIsNamedWithItsRelationAndCallSite() {
		RequestReport report = new Pages(this.mvc).visit("/books?mode=naive&size=10").report();
		List<Finding> repeats = repeats(report);

		// The reviews are only counted and averaged: annotated, as the page's lesson
		// does.
		assertThat(repeats).extracting((finding) -> String.join(" ", finding.suggestion().relations()))
			.containsExactlyInAnyOrder("book.tags", "book.author", "book.category", "book.tags", "book.reviews",
					"book.author author.publisher", "book.editor");
		assertThat(repeats).filteredOn((finding) -> finding.suggestion().relations().equals(List.of("book.reviews")))
			.singleElement()
			.extracting((finding) -> finding.suggestion().action())
			.isEqualTo("annotate over");
		assertThat(repeats).allSatisfy((finding) -> {
			assertThat(finding.callSite()).startsWith("NaiveBookReader.java:");
			assertThat(finding.source().index()).isEqualTo(1);
			assertThat(finding.source().rows()).isEqualTo(11);
		});
		Finding authors = repeats.stream()
			.filter((finding) -> finding.suggestion().relations().equals(List.of("book.author")))
			.findFirst()
			.orElseThrow();
		assertThat(authors.count()).isEqualTo(10);
		assertThat(authors.suggestion().code()).isEqualTo("Select.join(BOOK_AUTHOR)");
		assertThat(authors.message()).startsWith("potential N+1: 10 statements from NaiveBookReader.java:")
			.contains("for the 11 rows of #1 (SELECT … FROM \"book\"")
			.endsWith("Fix: join book.author (Select.join(BOOK_AUTHOR))");
	}

	@Test
	void readingTheLargeContentColumnForAListIsReported() {
		List<Finding> overPrefetching = this.diagnostics
			.findings(new Pages(this.mvc).visit("/mistakes/over-prefetching?mode=naive&size=20").report());
		List<Finding> bookList = this.diagnostics
			.findings(new Pages(this.mvc).visit("/books?mode=naive&size=20").report());

		assertThat(overPrefetching).filteredOn((finding) -> finding.kind() == Finding.Kind.LARGE_VALUES)
			.singleElement()
			.satisfies((finding) -> {
				// The 20 books of the page and the one read past it to learn whether
				// another page follows.
				assertThat(finding.count()).isEqualTo(21);
				assertThat(finding.message()).startsWith(
						"large values: #1 read 21 values of 1 KB or more from column content, from NaiveBylineReader.java:");
			});
		assertThat(bookList).filteredOn((finding) -> finding.kind() == Finding.Kind.LARGE_VALUES)
			.singleElement()
			.satisfies((finding) -> assertThat(finding.indexes()).containsExactly(1));
	}

	/**
	 * The naive author list loads every book of each author, content and all: one finding
	 * for that statement and column, with a run per author counted in it, not one per
	 * author burying the N+1s.
	 */
	@Test
	void theAuthorListsLargeValuesAreOneFindingOverEveryAuthor() {
		List<Finding> findings = this.diagnostics
			.findings(new Pages(this.mvc).visit("/authors?mode=naive&size=50").report());

		assertThat(findings).filteredOn((finding) -> finding.kind() == Finding.Kind.LARGE_VALUES)
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.column()).isEqualTo("content");
				assertThat(finding.indexes()).hasSizeGreaterThan(1);
				assertThat(finding.sites()).singleElement()
					.satisfies((site) -> assertThat(site.runs()).isEqualTo(finding.indexes().size()));
				assertThat(finding.count()).isGreaterThanOrEqualTo(10 * finding.indexes().size());
				assertThat(finding.message()).startsWith("large values: " + finding.indexes().size()
						+ " statements (first #" + finding.indexes().get(0) + ") read " + finding.count() + " values");
			});
		assertThat(lookups(findings)).hasSize(4);
	}

	@Test
	void aggregatesPerRowSuggestALateralAndReverseKeysWhatThePageShowsOfThem() {
		RequestReport report = new Pages(this.mvc).visit("/authors?mode=naive&size=5&page=100").report();

		// The author list counts each author's books and lists the three latest: a
		// lateral
		// and a prefetch limited per author, as AuthorQueries does, not every book.
		assertThat(repeats(report)).extracting((finding) -> finding.suggestion().text())
			.contains("annotate over author.books, book.reviews (Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), …))",
					"the page shows values computed over author.books and lists some of them: annotate over "
							+ "author.books, and prefetch only the rows of author.books the page lists "
							+ "(Lateral.over(AUTHOR_BOOKS, …), and Prefetch.of(AUTHOR_BOOKS, …))",
					"join author.publisher (Select.join(AUTHOR_PUBLISHER))");
	}

	@Test
	void aLookupThatNoRelationOfTheListReachesNamesItsTableAndKeyAndNoRelation() {
		RequestReport report = this.capture.capture(() -> {
			List<Long> ids = this.jdbc.sql("SELECT id FROM category ORDER BY id LIMIT 3").query(Long.class).list();
			for (long id : ids) {
				this.jdbc.sql("SELECT title FROM book WHERE id = :id").param("id", id).query(String.class).single();
			}
		});

		assertThat(repeats(report)).singleElement().satisfies((finding) -> {
			assertThat(finding.source().index()).isEqualTo(1);
			assertThat(finding.suggestion().relations()).isEmpty();
			assertThat(finding.suggestion().text()).isEqualTo("load book by id for all rows at once, binding the "
					+ "collected ids as one Long[] (SELECT … FROM book WHERE id = ANY(?))");
		});
	}

	@Test
	void theSameStatementWithTheSameParametersIsADuplicateNotAnNPlusOne() {
		RequestReport report = this.capture.capture(() -> {
			for (int i = 0; i < 3; i++) {
				this.jdbc.sql("SELECT name FROM category WHERE id = :id").param("id", 1L).query(String.class).single();
			}
		});

		List<Finding> findings = this.diagnostics.findings(report);
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Finding.Kind.DUPLICATE);
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.message())
				.startsWith("duplicate: the same statement with the same values ran 3 times, from DetectorTests.java:");
		});
	}

	@Test
	void aBatchBoundAsAnArrayIsNotAnNPlusOneAndSaysHowManyKeysItResolved() {
		Prefetch<String> tags = Prefetch.of(Bookstore.BOOK_TAGS, (resultSet, row) -> resultSet.getString("name"),
				"t.name");
		RequestReport report = this.capture.capture(() -> {
			for (long chunk = 0; chunk < 3; chunk++) {
				tags.load(this.jdbc, List.of(chunk * 10 + 1, chunk * 10 + 2, chunk * 10 + 3), Map.of());
			}
		});

		assertThat(this.diagnostics.findings(report)).isEmpty();
		assertThat(report.statements()).allSatisfy((statement) -> assertThat(statement.keys()).isEqualTo(3));
	}

	@Test
	void aKeysetLoopReadingChunksAfterTheLastKeyIsNotAnNPlusOne() {
		RequestReport report = this.capture.capture(() -> {
			long after = 0;
			for (int chunk = 0; chunk < 3; chunk++) {
				List<Long> ids = this.jdbc.sql("SELECT id FROM book WHERE id > :after ORDER BY id LIMIT 100")
					.param("after", after)
					.query(Long.class)
					.list();
				after = ids.get(ids.size() - 1);
			}
			// The same loop without the range is one query per key again.
			for (long id = 1; id <= 3; id++) {
				this.jdbc.sql("SELECT id FROM book WHERE id = :id ORDER BY id LIMIT 100")
					.param("id", id)
					.query(Long.class)
					.list();
			}
		});

		assertThat(repeats(report)).singleElement()
			.satisfies((finding) -> assertThat(finding.sql()).contains("WHERE id = ?"));
	}

	@Test
	void statementsRunFromTheSameLineWithOtherValuesAreAPotentialNPlusOne() {
		RequestReport report = this.capture.capture(() -> {
			for (long id = 1; id <= 4; id++) {
				this.jdbc.sql("SELECT name FROM author WHERE id = :id").param("id", id).query(String.class).single();
			}
		});

		assertThat(repeats(report)).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(4);
			assertThat(finding.distinctParameterSets()).isEqualTo(4);
			assertThat(finding.callSite()).startsWith("DetectorTests.java:");
		});
	}

	/**
	 * Every repeated lookup: the potential N+1s, those a loop is made of included, each
	 * with its own relation and line.
	 */
	private List<Finding> repeats(RequestReport report) {
		return lookups(this.diagnostics.findings(report));
	}

	private static List<Finding> lookups(List<Finding> findings) {
		return findings.stream()
			.flatMap((finding) -> finding.members().isEmpty() ? java.util.stream.Stream.of(finding)
					: finding.members().stream())
			.filter((finding) -> finding.kind() == Finding.Kind.N_PLUS_ONE)
			.toList();
	}

}
