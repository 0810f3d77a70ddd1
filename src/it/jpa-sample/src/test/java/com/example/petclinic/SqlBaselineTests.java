package com.example.petclinic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.nplusonelab.diagnostics.test.SqlBaseline;
import dev.nplusonelab.diagnostics.test.SqlBaselineExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A page that gets worse after its baseline was recorded, as its developer would live it:
 * the first run records the page's statements, the run after a change that drops the
 * fetch join fails with the diff, an update accepts it, and the next run passes. Each run
 * is a test class of its own, launched here against a baseline file in a temporary
 * directory, so that the sample's committed baseline is never the one that fails.
 */
class SqlBaselineTests {

	@TempDir
	Path directory;

	@Test
	void aPageThatRunsMoreStatementsFailsWithTheDiffUntilTheBaselineIsUpdated() throws Exception {
		Path file = this.directory.resolve("src/test/resources/nplusone-baseline.json");

		OwnerListPage.naive = false;
		run(file, null).assertStatistics((stats) -> stats.succeeded(1).failed(0));
		String recorded = Files.readString(file);
		assertThat(recorded).contains("\"com.example.petclinic.SqlBaselineTests$OwnerListPage\" : {",
				"\"theOwnerList\" : {", "\"GET /directory\" : {", "\"statements\" : 1\n",
				"from owner o1_0 left join pet p1_0 on o1_0.id=p1_0.owner_id order by o1_0.name,p1_0.name\" : 1");

		// The fetch join dropped: the pets of each of the ten owners come on their own
		OwnerListPage.naive = true;
		Events worse = run(file, null);
		worse.assertStatistics((stats) -> stats.succeeded(0).failed(1));
		assertThat(failure(worse)).isInstanceOf(AssertionError.class)
			.hasMessage(
					"""
							SQL statements past the baseline in %s:
							  GET /directory: 1 → 11 statements; new: SELECT … from pet p1_0 where p1_0.owner_id=? order by p1_0.name (×10), \
							select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name (×1)
							If this is on purpose, run again with -Dnplusone.baseline=update"""
						.formatted(file));
		assertThat(Files.readString(file)).isEqualTo(recorded);

		run(file, "update").assertStatistics((stats) -> stats.succeeded(1).failed(0));
		assertThat(Files.readString(file)).contains("\"statements\" : 11\n",
				"\"select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id=? order by p1_0.name\" : 10")
			.doesNotContain("left join");

		run(file, null).assertStatistics((stats) -> stats.succeeded(1).failed(0));

		// And the fix again: fewer statements pass, and the file keeps the count until
		// it is updated, but the fetch join is a statement the baseline has not seen
		OwnerListPage.naive = false;
		Events fixed = run(file, null);
		fixed.assertStatistics((stats) -> stats.failed(1));
		assertThat(failure(fixed)).hasMessageContaining("GET /directory: 11 → 1 statement; new: ");
	}

	private static Events run(Path file, @Nullable String mode) {
		EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(OwnerListPage.class))
			.configurationParameter(SqlBaselineExtension.FILE, file.toString());
		if (mode != null) {
			engine.configurationParameter(SqlBaselineExtension.MODE, mode);
		}
		return engine.execute().testEvents();
	}

	private static Throwable failure(Events events) {
		List<Throwable> thrown = events.failed()
			.stream()
			.map((event) -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
			.toList();
		assertThat(thrown).hasSize(1);
		return thrown.get(0);
	}

	/**
	 * The owner list over real HTTP, written with the fetch join or without it; run only
	 * by the test above, which says which.
	 */
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@SqlBaseline
	@EnabledIf("launched")
	static class OwnerListPage {

		static volatile @Nullable Boolean naive;

		@LocalServerPort
		private int port;

		static boolean launched() {
			return naive != null;
		}

		@Test
		void theOwnerList() {
			assertThat(new SampleHttp(this.port).get("/directory").getBody()).contains("Eduardo Rodriquez");
		}

		@TestConfiguration
		static class Page {

			@Bean
			DirectoryController directoryController(OwnerDirectory directory) {
				return new DirectoryController(directory);
			}

		}

	}

	@RestController
	static class DirectoryController {

		private final OwnerDirectory directory;

		DirectoryController(OwnerDirectory directory) {
			this.directory = directory;
		}

		@GetMapping("/directory")
		List<OwnerSummary> owners() {
			return Boolean.TRUE.equals(OwnerListPage.naive) ? this.directory.list() : this.directory.listWithPets();
		}

	}

}
