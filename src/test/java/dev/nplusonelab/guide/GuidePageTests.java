package dev.nplusonelab.guide;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;

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
