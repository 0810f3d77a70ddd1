package dev.nplusonelab.guide;

import java.lang.reflect.Method;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Savings;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;
import dev.nplusonelab.store.Bookstore;
import dev.nplusonelab.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide page maps every technique of the Django guide to a page of the lab. */
@LabTest
class GuidePageTests {

	private static final List<String> TECHNIQUES = List.of("select-related-single", "select-related-chained",
			"select-related-several", "prefetch-related-reverse-fk", "prefetch-related-many-to-many",
			"prefetch-filtered", "prefetch-to-attr", "prefetch-join-inside", "prefetch-several",
			"prefetch-per-parent-limit", "only-defer", "annotate", "subquery", "manager");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Guide guide;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyTechniqueOfTheGuideHasAnEntryWithItsThreeCodesAndItsMeasuredCounts() {
		Document page = new Pages(this.mvc).visit("/guide").document();

		for (String key : TECHNIQUES) {
			Element entry = page.getElementById(key);
			assertThat(entry).as(key).isNotNull();
			assertThat(entry.select("h3").text()).as(key).isNotBlank();
			assertThat(entry.select(".code-col pre.code")).as(key).hasSizeGreaterThanOrEqualTo(3);
			assertThat(entry.select(".code-col figcaption").text()).as(key).contains("src/main/java/");
			long naive = Long.parseLong(entry.select(".cost-naive-word strong").text());
			long optimized = Long.parseLong(entry.select(".cost-optimized-word strong").text());
			assertThat(naive).as(key).isGreaterThan(optimized);
			assertThat(entry.select(".measured-links a.to-naive").attr("href")).contains("mode=naive");
			assertThat(entry.select(".measured-links a.to-optimized").attr("href")).contains("mode=optimized");
		}
		assertThat(this.guide.entries()).extracting(GuideEntry::key).containsExactlyInAnyOrderElementsOf(TECHNIQUES);
		assertThat(Savings.keys()).containsExactlyInAnyOrderElementsOf(TECHNIQUES);
	}

	@Test
	void theMeasuredCountsAreWhatThePagesRun() {
		Document page = new Pages(this.mvc).visit("/guide").document();

		for (Element entry : page.select(".guide-entry")) {
			String naiveHref = entry.select("a.to-naive").attr("href");
			String optimizedHref = entry.select("a.to-optimized").attr("href");
			assertThat(new Pages(this.mvc).visit(naiveHref).statements())
				.isEqualTo(Integer.parseInt(entry.select(".cost-naive-word strong").text()));
			assertThat(new Pages(this.mvc).visit(optimizedHref).statements())
				.isEqualTo(Integer.parseInt(entry.select(".cost-optimized-word strong").text()));
		}
	}

	/**
	 * Each entry says how many of its page's statements its own technique is about, in
	 * both modes. The test loads the page itself and counts the statements of the entry's
	 * shape, typed out by hand in {@link Savings}: a figure typed into the guide, or a
	 * relation named wrongly in an entry, fails here.
	 */
	@TestFactory
	Stream<DynamicTest> everyEntrySaysWhatItsTechniqueSavesAsItsPageMeasuredIt() {
		Document page = new Pages(this.mvc).visit("/guide").document();
		return this.guide.entries().stream().map((entry) -> DynamicTest.dynamicTest(entry.key(), () -> {
			Element shown = page.getElementById(entry.key());
			Pages.Visit naive = new Pages(this.mvc).visit(shown.select("a.to-naive").attr("href"));
			Pages.Visit optimized = new Pages(this.mvc).visit(shown.select("a.to-optimized").attr("href"));
			long saved = figure(shown, ".saving-naive");
			long total = figure(shown, ".saving-of");

			assertThat(total).as("the page total")
				.isEqualTo(naive.statements())
				.isEqualTo(figure(shown, ".cost-naive-word strong"));
			assertThat(saved).as("%s: its share of the naive page", entry.key())
				.isEqualTo(Savings.count(entry.key(), naive.sql()))
				.isPositive()
				.isLessThanOrEqualTo(total);
			assertThat(figure(shown, ".saving-optimized")).as("%s: what the optimized page still runs", entry.key())
				.isEqualTo(Savings.count(entry.key(), optimized.sql()))
				.isLessThan(saved);
			assertThat(shown.select(".saving").text()).contains(entry.saving().what(), entry.saving().instead());
		}));
	}

	/**
	 * A few of those figures, worked out from the data instead: one customer lookup per
	 * order on the page, a category per book and an editor per book that has one, the
	 * reviews of each book, the items of each order in each of a customer's three lists.
	 */
	@Test
	void theSavingsAreWhatTheDataSays() {
		Document page = new Pages(this.mvc).visit("/guide").document();
		int size = Paging.DEFAULT_SIZE;

		assertThat(figure(page.getElementById("select-related-single"), ".saving-naive")).isEqualTo(this.jdbc
			.sql("SELECT count(customer_id) FROM (SELECT customer_id FROM orders ORDER BY id LIMIT :size) o")
			.param("size", size)
			.query(Long.class)
			.single());
		assertThat(figure(page.getElementById("select-related-several"), ".saving-naive")).isEqualTo(this.jdbc
			.sql("SELECT count(category_id) + count(editor_id) FROM (SELECT * FROM book ORDER BY id LIMIT :size) b")
			.param("size", size)
			.query(Long.class)
			.single());
		assertThat(figure(page.getElementById("annotate"), ".saving-naive"))
			.isEqualTo(this.jdbc.sql("SELECT count(*) FROM (SELECT id FROM book ORDER BY id LIMIT :size) b")
				.param("size", size)
				.query(Long.class)
				.single());
		assertThat(figure(page.getElementById("prefetch-several"), ".saving-naive")).isEqualTo(this.jdbc.sql("""
				SELECT count(*) + count(*) FILTER (WHERE created_at >= :since) + count(*) FILTER (WHERE total > 100)
				FROM orders
				WHERE customer_id = 1
				""")
			.param("since", Bookstore.TODAY.minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single());
	}

	private static long figure(Element entry, String css) {
		return Long.parseLong(entry.select(css).text());
	}

	@Test
	void everyMistakeAndTheDetectionToolsAreOnTheGuide() {
		Document page = new Pages(this.mvc).visit("/guide").document();

		for (Technique mistake : this.guide.mistakes()) {
			assertThat(page.getElementById("mistake-" + mistake.key())).as(mistake.key()).isNotNull();
		}
		assertThat(page.select("#detection a[href^=/detection]")).isNotEmpty();
		assertThat(page.select("#data").text()).contains("<script>");
	}

	/**
	 * The decision guide's one-liners call our real API: a renamed method fails here, not
	 * in a reader's head.
	 */
	@Test
	void theDecisionGuideNamesMethodsThatExist() {
		Document page = new Pages(this.mvc).visit("/guide").document();
		List<Class<?>> api = List.of(Select.class, Prefetch.class, Lateral.class, FetchPlan.class);
		Pattern call = Pattern.compile("\\.([a-z][A-Za-z]*)\\(");

		List<String> lines = page.select("#decide code.decide-code").eachText();
		assertThat(lines).hasSize(5);
		for (String line : lines) {
			Matcher matcher = call.matcher(line);
			while (matcher.find()) {
				String name = matcher.group(1);
				assertThat(api.stream().flatMap((type) -> Arrays.stream(type.getMethods())).map(Method::getName))
					.as("%s in %s", name, line)
					.contains(name);
			}
		}
	}

}
