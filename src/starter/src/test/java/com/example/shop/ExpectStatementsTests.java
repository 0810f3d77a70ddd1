package com.example.shop;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.diagnostics.test.ExpectStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A test that runs more than {@link ExpectStatements} allows, or an N+1, fails with the
 * listing of what it ran; a test that failed on its own keeps its own failure.
 */
class ExpectStatementsTests {

	@Test
	void aTestOverItsCountOrWithAnNPlusOneFailsWithTheListing() {
		Events tests = run(Breaking.class);

		assertThat(tests.succeeded().count()).isEqualTo(2);
		assertThat(failures(tests)).satisfiesExactlyInAnyOrder(
				(message) -> assertThat(message).startsWith("Expected at most 1 statement but 3 ran:")
					.contains("ExpectStatementsTests.java:", "SELECT name FROM author WHERE id = ?"),
				(message) -> assertThat(message).startsWith("Expected no potential N+1 but found 1:")
					.contains("load author by id for all rows at once"),
				(message) -> assertThat(message).startsWith("Expected exactly 1 statement but 2 ran:"),
				(message) -> assertThat(message).startsWith("Expected no duplicate but found 1:")
					.contains("SELECT name FROM author WHERE id = ?"),
				(message) -> assertThat(message).isEqualTo("its own failure"));
	}

	/**
	 * Each of exactly, duplicates and whileRendering is checked: taking any check out of
	 * the extension turns one of these green where it must fail.
	 */
	@Test
	void aStatementWhileTheViewRendersFailsATestThatAllowsNone() {
		Events tests = run(BreakingWithViews.class);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(failures(tests)).singleElement()
			.satisfies((message) -> assertThat(message)
				.startsWith("Expected no statement while the view rendered but 1 ran then;"));
	}

	@Test
	void anAnnotationOnTheClassHoldsForEveryTestMethodThatHasNone() {
		Events tests = run(BreakingAsAClass.class);

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(failures(tests)).singleElement()
			.satisfies((message) -> assertThat(message).startsWith("Expected exactly 1 statement but 2 ran:"));
	}

	private static Events run(Class<?> tests) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(tests)).execute().testEvents();
	}

	private static java.util.List<String> failures(Events tests) {
		return tests.failed()
			.stream()
			.map((event) -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
				.orElseThrow()
				.getThrowable()
				.orElseThrow()
				.getMessage())
			.toList();
	}

	/**
	 * Run only through the test kit above: Surefire leaves nested classes alone.
	 */
	@DataJdbcTest
	@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
	static class Breaking {

		@Autowired
		private JdbcClient jdbc;

		@Test
		@ExpectStatements(atMost = 1, nPlusOne = true)
		void overItsCount() {
			lookUp(3);
		}

		@Test
		@ExpectStatements(atMost = 10)
		void withAnNPlusOne() {
			this.jdbc.sql("SELECT author_id FROM book ORDER BY id LIMIT 5").query(Long.class).list();
			lookUp(3);
		}

		@Test
		@ExpectStatements(atMost = 10)
		void withinItsCount() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

		@Test
		@ExpectStatements(exactly = 1)
		void overItsExactCount() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			this.jdbc.sql("SELECT 2").query(Integer.class).single();
		}

		@Test
		@ExpectStatements(exactly = 1)
		void atItsExactCount() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

		@Test
		@ExpectStatements(atMost = 10, duplicates = false)
		void withADuplicate() {
			lookUp(1);
			lookUp(1);
		}

		@Test
		@ExpectStatements(atMost = 0)
		void failingOnItsOwn() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			throw new AssertionError("its own failure");
		}

		private void lookUp(int authors) {
			for (long id = 1; id <= authors; id++) {
				this.jdbc.sql("SELECT name FROM author WHERE id = ?").param(id).query(String.class).single();
			}
		}

	}

	/** Run only through the test kit above. */
	@SpringBootTest
	@AutoConfigureMockMvc
	static class BreakingWithViews {

		@Autowired
		private MockMvcTester mvc;

		@Test
		@ExpectStatements(atMost = 10, nPlusOne = true, duplicates = true, whileRendering = false)
		void aPageThatRunsAStatementFromItsView() {
			this.mvc.get().uri("/page").exchange();
		}

		@Test
		@ExpectStatements(atMost = 10, nPlusOne = true, duplicates = true, whileRendering = true)
		void theSamePageWhereTheViewMayRunThem() {
			this.mvc.get().uri("/page").exchange();
		}

	}

	/** Run only through the test kit above: the class's annotation holds for both. */
	@DataJdbcTest
	@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
	@ExpectStatements(exactly = 1)
	static class BreakingAsAClass {

		@Autowired
		private JdbcClient jdbc;

		@Test
		void runsOne() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}

		@Test
		void runsTwo() {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			this.jdbc.sql("SELECT 2").query(Integer.class).single();
		}

	}

}
