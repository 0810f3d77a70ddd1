package com.example.shop;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;

import static com.example.shop.AccessTests.from;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call sites cost a stack walk per statement, so the requests nobody watches have them
 * found for the first request of each route in every
 * {@code nplusone.call-sites.sample-interval}: the others are counted and grouped by
 * statement as before, with no line, never a guessed one. Whoever sees the diagnostics,
 * strict mode and tests always get every line. Each test uses a route no other test of
 * its context asks for, so that its first request is the route's first.
 */
class CallSiteSamplingTests {

	static final String NOT_SAMPLED = "(not sampled: nplusone.call-sites.sample-interval)";

	static final String REMOTE = "203.0.113.9";

	@Nested
	@SpringBootTest(properties = "nplusone.call-sites.sample-interval=1h")
	@AutoConfigureMockMvc
	class OncePerInterval {

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private SqlDiagnostics diagnostics;

		@Autowired
		private SqlCapture capture;

		/**
		 * The same N+1 twice from elsewhere: the first request has every line and a fix
		 * for the code that ran it; the second the same statements, counts and finding,
		 * grouped by statement, with no line and a fix that names no framework.
		 */
		@Test
		void aRoutesFirstUnwatchedRequestHasEveryLineAndTheNextOnesAreGroupedByStatementAlone() {
			RequestReport first = report(this.mvc.get().uri("/books/naive").with(from(REMOTE)).exchange());
			RequestReport second = report(this.mvc.get().uri("/books/naive").with(from(REMOTE)).exchange());

			assertThat(first.statements()).extracting(StatementRecord::callSite)
				.allMatch((site) -> site.startsWith("ShopController.java:"));
			assertThat(second.statements()).extracting(StatementRecord::callSite).containsOnly(NOT_SAMPLED);
			assertThat(second.statements()).extracting(StatementRecord::sql)
				.isEqualTo(first.statements().stream().map(StatementRecord::sql).toList());

			Finding sampled = nPlusOne(first);
			Finding unsampled = nPlusOne(second);
			assertThat(unsampled.count()).isEqualTo(sampled.count()).isEqualTo(5);
			assertThat(unsampled.sql()).isEqualTo(sampled.sql());
			assertThat(sampled.sites()).extracting(Finding.Site::callSite)
				.singleElement()
				.asString()
				.startsWith("ShopController.java:");
			assertThat(unsampled.sites()).extracting(Finding.Site::callSite).containsExactly(NOT_SAMPLED);
			assertThat(unsampled.message()).contains("from " + NOT_SAMPLED).doesNotContain("ShopController");
			assertThat(sampled.suggestion()).isNotNull();
			assertThat(unsampled.suggestion()).isNotNull();
			assertThat(unsampled.suggestion().code()).as("the SQL alone, as with call sites off")
				.doesNotContainIgnoringCase("jdbcclient")
				.doesNotContainIgnoringCase("join fetch");
		}

		@Test
		void thisMachineSeesEveryLineOfEveryRequest() {
			for (int i = 0; i < 3; i++) {
				RequestReport report = report(this.mvc.get().uri("/books/reviews").with(from("127.0.0.1")).exchange());

				assertThat(report.statements()).isNotEmpty()
					.extracting(StatementRecord::callSite)
					.allMatch((site) -> site.startsWith("ShopController.java:"));
			}
		}

		/**
		 * A test that observes a request sees every line, although the request itself was
		 * not sampled: the lines are found for whichever report keeps the statement.
		 */
		@Test
		void aTestObservingAnUnsampledRequestSeesEveryLine() throws Exception {
			report(this.mvc.get().uri("/twice").with(from(REMOTE)).exchange());
			MvcTestResult[] observed = new MvcTestResult[1];
			RequestReport test = this.capture.observe("test",
					() -> observed[0] = this.mvc.get().uri("/twice").with(from(REMOTE)).exchange());

			assertThat(test.statements()).isNotEmpty()
				.extracting(StatementRecord::callSite)
				.allMatch((site) -> site.startsWith("ShopController.java:"));
			assertThat(report(observed[0]).statements()).extracting(StatementRecord::callSite)
				.allMatch((site) -> site.startsWith("ShopController.java:"));
		}

		private Finding nPlusOne(RequestReport report) {
			List<Finding> findings = this.diagnostics.findings(report);
			return findings.stream().filter(Finding::isNPlusOne).findFirst().orElseThrow();
		}

	}

	@Nested
	@SpringBootTest(properties = { "nplusone.call-sites.sample-interval=1h", "nplusone.strict=true" })
	@AutoConfigureMockMvc
	class InStrictMode {

		@Autowired
		private MockMvcTester mvc;

		/** Strict mode answers with the lines it found: it finds them all. */
		@Test
		void everyRequestHasEveryLine() {
			for (int i = 0; i < 3; i++) {
				RequestReport report = report(this.mvc.get().uri("/books").with(from(REMOTE)).exchange());

				assertThat(report.statements()).isNotEmpty()
					.extracting(StatementRecord::callSite)
					.allMatch((site) -> site.startsWith("ShopController.java:"));
			}
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.call-sites.sample-interval=0s")
	@AutoConfigureMockMvc
	class WithNoInterval {

		@Autowired
		private MockMvcTester mvc;

		@Test
		void everyUnwatchedRequestHasEveryLine() {
			for (int i = 0; i < 3; i++) {
				RequestReport report = report(this.mvc.get().uri("/books/naive").with(from(REMOTE)).exchange());

				assertThat(report.statements()).hasSize(6)
					.extracting(StatementRecord::callSite)
					.allMatch((site) -> site.startsWith("ShopController.java:"));
			}
		}

	}

	static RequestReport report(MvcTestResult result) {
		return RequestReportTests.report(result);
	}

}
