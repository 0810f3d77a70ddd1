package com.example.shop;

import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.FixSuggester;
import dev.nplusonelab.diagnostics.detect.RepeatedLookup;
import dev.nplusonelab.diagnostics.web.SqlReportTags;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never break the host application: an extension that throws is logged once, and the
 * request goes on with what the rest of the diagnostics found.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FailureIsolationTests.BrokenExtensions.class)
@ExtendWith(OutputCaptureExtension.class)
class FailureIsolationTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aThrowingTagsContributorSuggesterAndRuleScopeAreLoggedOnceAndTheRequestGoesOn(CapturedOutput output)
			throws Exception {
		for (int i = 0; i < 3; i++) {
			MvcTestResult result = this.mvc.get().uri("/page/naive").exchange();

			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString()).contains("<h1>Naive</h1>", "id=\"sql-panel\"",
					"load author by id for all rows at once");
			assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("5");
		}

		assertThat(occurrences(output.getAll(), "tags contributor " + Broken.class.getName())).isOne();
		assertThat(occurrences(output.getAll(), "fix suggester " + Broken.class.getName())).isOne();
		assertThat(occurrences(output.getAll(), "rule scope " + Broken.class.getName())).isOne();
	}

	static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BrokenExtensions {

		@Bean
		Broken broken() {
			return new Broken();
		}

	}

	/** Every extension point at once, each of them throwing. */
	static class Broken implements SqlReportTags, FixSuggester, SqlRuleScope {

		@Override
		public Tags tags(jakarta.servlet.http.HttpServletRequest request,
				dev.nplusonelab.diagnostics.capture.RequestReport report) {
			throw new IllegalStateException("tags");
		}

		@Override
		public Finding.@Nullable Suggestion suggest(RepeatedLookup lookup) {
			throw new IllegalStateException("suggest");
		}

		@Override
		public boolean appliesTo(dev.nplusonelab.diagnostics.capture.RequestReport report) {
			throw new IllegalStateException("scope");
		}

	}

}
