package com.example.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.test.SqlBaseline;
import dev.nplusonelab.diagnostics.test.SqlBaselineExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link SqlBaseline} over MockMvc requests, which run on the test's own thread: each
 * request is recorded on its own, the test's other statements apart from them, and a test
 * that failed on its own keeps its failure and records nothing.
 */
class SqlBaselineTests {

	@TempDir
	Path directory;

	@Test
	void eachMockMvcRequestIsRecordedApartFromWhatTheTestRanItselfAndMoreOfEitherFails() throws Exception {
		Path file = this.directory.resolve("baseline.json");

		Pages.lookUps = 0;
		Events first = run(file, null);
		first.assertStatistics((stats) -> stats.succeeded(3).failed(1));
		assertThat(failures(first)).containsExactly("its own failure");
		String recorded = Files.readString(file);
		assertThat(recorded).contains("\"theBookList\" : {\n      \"(outside requests)\" : {\n"
				+ "        \"fingerprints\" : { },\n        \"statements\" : 0\n      },\n      \"GET /books\" : {\n",
				"\"GET /books #2\" : {", "\"GET /many?n=2\" : {", "\"aPageBySize [1] n = 2\" : {",
				"\"aPageBySize [2] n = 3\" : {")
			.doesNotContain("failingOnItsOwn");

		Pages.lookUps = 2;
		Events worse = run(file, null);
		worse.assertStatistics((stats) -> stats.succeeded(2).failed(2));
		assertThat(failures(worse)).containsExactlyInAnyOrder("its own failure",
				"SQL statements past the baseline in " + file + ":\n"
						+ "  (outside requests): 0 → 2 statements; new: SELECT name FROM author WHERE id = ? (×2)\n"
						+ "If this is on purpose, run again with -Dnplusone.baseline=update");
		assertThat(Files.readString(file)).isEqualTo(recorded);

		run(file, "update").assertStatistics((stats) -> stats.succeeded(3).failed(1));
		run(file, null).assertStatistics((stats) -> stats.succeeded(3).failed(1));
		assertThat(Files.readString(file)).contains("\"SELECT name FROM author WHERE id = ?\" : 2");
	}

	private static Events run(Path file, @Nullable String mode) {
		EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(Pages.class))
			.configurationParameter(SqlBaselineExtension.FILE, file.toString());
		if (mode != null) {
			engine.configurationParameter(SqlBaselineExtension.MODE, mode);
		}
		return engine.execute().testEvents();
	}

	private static List<String> failures(Events events) {
		return events.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class)
				.getThrowable()
				.orElseThrow()
				.getMessage())
			.toList();
	}

	/** Run only through the test kit above. */
	@SpringBootTest
	@AutoConfigureMockMvc
	@SqlBaseline
	@EnabledIf("launched")
	static class Pages {

		static volatile @Nullable Integer lookUps;

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private JdbcClient jdbc;

		static boolean launched() {
			return lookUps != null;
		}

		@Test
		void theBookList() {
			assertThat(this.mvc.get().uri("/books").exchange()).hasStatusOk();
			assertThat(this.mvc.get().uri("/books").exchange()).hasStatusOk();
			assertThat(this.mvc.get().uri("/many?n=2").exchange()).hasStatusOk();
			for (long id = 1; id <= Pages.lookUps; id++) {
				this.jdbc.sql("SELECT name FROM author WHERE id = ?").param(id).query(String.class).single();
			}
		}

		@ParameterizedTest
		@ValueSource(ints = { 2, 3 })
		void aPageBySize(int n) {
			assertThat(this.mvc.get().uri("/many?n=" + n).exchange()).hasStatusOk();
		}

		@Test
		void failingOnItsOwn() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			throw new AssertionError("its own failure");
		}

	}

}
