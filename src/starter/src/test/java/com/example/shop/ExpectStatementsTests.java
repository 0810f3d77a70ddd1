package com.example.shop;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
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
		Events tests = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(Breaking.class))
			.execute()
			.testEvents();

		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(tests.failed()
			.stream()
			.map((event) -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
				.orElseThrow()
				.getThrowable()
				.orElseThrow()))
			.extracting(Throwable::getMessage)
			.satisfiesExactlyInAnyOrder(
					(message) -> assertThat(message).startsWith("Expected at most 1 statement but 3 ran:")
						.contains("ExpectStatementsTests.java:", "SELECT name FROM author WHERE id = ?"),
					(message) -> assertThat(message).startsWith("Expected no potential N+1 but found 1:")
						.contains("load author by id for all rows at once"),
					(message) -> assertThat(message).isEqualTo("its own failure"));
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

}
