package dev.nplusonelab.guide;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/** What the lessons claim is what the pages do. */
@LabTest
class GuideTests {

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	/**
	 * The count a lesson shows above its records, with the page's own numbers in the
	 * naive formula, is the count the page measured, in both modes; and both modes render
	 * the same records, with the same digest.
	 */
	@TestFactory
	Stream<DynamicTest> everyPageShowsTheCountItMeasuredAndTheSameRecordsInBothModes() {
		Pages pages = new Pages(this.mvc);
		return this.guide.all().stream().map((technique) -> DynamicTest.dynamicTest(technique.key(), () -> {
			String href = technique.href();
			String separator = href.contains("?") ? "&" : "?";
			Pages.Visit naive = pages.visit(href + separator + "mode=naive");
			Pages.Visit optimized = pages.visit(href + separator + "mode=optimized");

			assertThat(shownCount(naive, ".cost-naive")).as("naive count shown on %s", href)
				.isEqualTo(naive.statements());
			assertThat(shownCount(optimized, ".cost-optimized")).as("optimized count shown on %s", href)
				.isEqualTo(optimized.statements())
				.isEqualTo(Long.parseLong(technique.optimizedCost()));
			assertThat(naive.document().select(".cost-naive code.formula").text()).isEqualTo(technique.naiveCost());
			assertThat(naive.records()).isEqualTo(optimized.records());
			assertThat(naive.digest()).as("digest on %s", href).hasSize(12).isEqualTo(optimized.digest());
			assertThat(naive.document().select(".evidence .digest").text()).isEqualTo(naive.digest());
		}));
	}

	/**
	 * The test above loads each lesson's own link, and the book list's has a next page:
	 * its P is 1 there, so a formula that folds P into the constant ({@code 2 + 6·N + E})
	 * shows the right count on it. This one also loads the last page, where P is 0, and
	 * fails on that mutation.
	 */
	@ParameterizedTest(name = "another page follows: {0}")
	@ValueSource(booleans = { true, false })
	void theBookListShowsTheCountItMeasuredWithAndWithoutALookAheadBook(boolean anotherPageFollows) {
		int size = 9;
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		long page = anotherPageFollows ? 0 : (books - 1) / size;
		Pages.Visit naive = new Pages(this.mvc).visit("/books?mode=naive&size=" + size + "&page=" + page);

		assertThat(naive.document().select(".cost-naive code.formula").text()).contains("P");
		assertThat(naive.document().select(".legend dt:matchesOwn(^P$) + dd").text())
			.endsWith("(" + (anotherPageFollows ? 1 : 0) + " here)");
		assertThat(shownCount(naive, ".cost-naive")).isEqualTo(naive.statements());
	}

	/**
	 * The number a page shows for a mode: the naive formula's result, or the constant.
	 */
	private static long shownCount(Pages.Visit visit, String mode) {
		String worked = visit.document().select(mode + " code.worked").text();
		String shown = worked.isEmpty() ? visit.document().select(mode + " code.formula").text()
				: worked.substring(worked.lastIndexOf('=') + 1).trim();
		return Long.parseLong(shown);
	}

	@TestFactory
	Stream<DynamicTest> everyLessonShowsRealSourceOnBothSides() {
		return this.guide.all().stream().map((technique) -> DynamicTest.dynamicTest(technique.key(), () -> {
			Guide.Lesson lesson = this.guide.lesson(technique);

			assertThat(lesson.naiveCode()).isNotEmpty()
				.allSatisfy((snippet) -> assertThat(snippet.code()).isNotBlank());
			assertThat(lesson.optimizedCode()).isNotEmpty()
				.allSatisfy((snippet) -> assertThat(snippet.code()).isNotBlank());
		}));
	}

	@Test
	void naiveCodeIsLabelledAsTheDeliberateAntiPattern() throws Exception {
		SourceSnippets snippets = new SourceSnippets();
		for (Technique technique : this.guide.all()) {
			for (SourceRef ref : technique.naiveCode()) {
				String source = new String(readSource(ref.path()), java.nio.charset.StandardCharsets.UTF_8);
				assertThat(source).as(ref.path()).contains("DELIBERATE ANTI-PATTERN");
				assertThat(snippets.get(ref).code()).isNotBlank();
			}
		}
	}

	@Test
	void aSnippetIsTheTaggedRegionWithoutItsMarkers() throws Exception {
		SourceRef ref = new SourceRef(Class.forName("dev.nplusonelab.book.NaiveBookReader"), "list");
		SourceSnippets.Snippet snippet = new SourceSnippets().get(ref);
		java.util.List<String> lines = new String(readSource(ref.path()), java.nio.charset.StandardCharsets.UTF_8)
			.lines()
			.toList();

		assertThat(lines.get(snippet.firstLine() - 2).trim()).isEqualTo("// tag::list[]");
		assertThat(lines.get(snippet.lastLine()).trim()).isEqualTo("// end::list[]");
		assertThat(snippet.code()).startsWith("@Override\npublic ListPage<BookRow> list(Paging paging) {")
			.doesNotContain("tag::")
			.doesNotContain("\t");
		assertThat(snippet.location()).startsWith("src/main/java/dev/nplusonelab/book/NaiveBookReader.java:");
	}

	@Test
	void anUnknownTagIsAnError() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new SourceSnippets().get(new SourceRef(Guide.class, "no-such-region")))
			.withMessageContaining("no-such-region");
	}

	private static byte[] readSource(String path) throws java.io.IOException {
		try (var in = new org.springframework.core.io.ClassPathResource("source/" + path).getInputStream()) {
			return in.readAllBytes();
		}
	}

}
