package dev.nplusonelab.mistake;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.guide.Technique;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class MistakeIndexTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Guide guide;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@Test
	void indexListsEveryMistakeOfTheGuideInOrderWithItsLink() {
		Visit visit = this.pages.visit("/mistakes");
		Document document = visit.document();

		assertThat(document.select("#mistakes a.card").eachAttr("data-key"))
			.isEqualTo(this.guide.mistakes().stream().map(Technique::key).toList())
			.contains("filter-after-prefetch", "over-prefetching", "deferred-column", "count-by-loading");
		assertThat(document.select("#mistakes a.card").eachAttr("href"))
			.isEqualTo(this.guide.mistakes().stream().map(Technique::href).toList());
		assertThat(document.select("#mistakes a.card h2").eachText())
			.isEqualTo(this.guide.mistakes().stream().map(Technique::title).toList());
		assertThat(visit.statements()).isZero();
	}

	@Test
	void everyMistakeLinkKeepsTheVisitorsModeUnderAWrongRightToggle() {
		Document index = this.pages.visit("/mistakes?mode=naive").document();
		for (Technique mistake : this.guide.mistakes()) {
			String href = index.select("#mistakes a.card[data-key=" + mistake.key() + "]").attr("href");
			Document document = this.pages.visit(href).document();

			assertThat(href).as(mistake.key()).contains("mode=naive");
			assertThat(document.select("h1").text()).as(mistake.key()).isEqualTo(mistake.title());
			assertThat(document.select(".mode-toggle a.active strong").text()).as(mistake.key()).isEqualTo("Wrong");
			assertThat(document.select(".mode-toggle a[data-mode=optimized] strong").text()).isEqualTo("Right");
			assertThat(document.select(".cost-naive code.formula").text()).isEqualTo(mistake.naiveCost());
		}
	}

}
