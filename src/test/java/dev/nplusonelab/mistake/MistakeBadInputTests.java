package dev.nplusonelab.mistake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class MistakeBadInputTests {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest(name = "{0}?{1}")
	@CsvSource(delimiter = '|', textBlock = """
			/mistakes/filter-after-prefetch | mode=wrong           | Unknown mode
			/mistakes/filter-after-prefetch | size=0               | size must be from 1 to 500
			/mistakes/filter-after-prefetch | page=100000&mode=naive | past the last page of authors
			/mistakes/over-prefetching      | size=-5              | size must be from 1 to 500
			/mistakes/over-prefetching      | page=-1              | page must be from 0
			/mistakes/over-prefetching      | size=501&mode=naive  | size must be from 1 to 500
			/mistakes/over-prefetching      | page=1000&size=20    | past the last page of books
			/mistakes/deferred-column       | size=ten             | size must be a whole number
			/mistakes/deferred-column       | mode=naive&mode=naive | Send mode once
			/mistakes/deferred-column       | page=20000&mode=naive | past the last page of books
			/mistakes/count-by-loading      | mode=OPTIMIZED       | Unknown mode
			/mistakes/count-by-loading      | page=abc             | page must be a whole number
			/mistakes/count-by-loading      | page=2000&mode=naive | past the last page of authors
			""")
	void badParametersGetAFriendlyBadRequestPage(String route, String query, String message) {
		MvcTestResult result = this.mvc.get().uri(route + "?" + query).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyText()
			.contains(message)
			.doesNotContain("Exception")
			.doesNotContain("at dev.nplusonelab");
	}

}
