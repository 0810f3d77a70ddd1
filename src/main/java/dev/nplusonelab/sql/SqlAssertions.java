package dev.nplusonelab.sql;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import dev.nplusonelab.query.Relations;

/**
 * Statement-count assertions for tests, the {@code assertNumQueries} of this stack. Plain
 * Java with no test library, so they work with JUnit, AssertJ or anything else; a failure
 * lists every statement that ran, so the message says what to fix.
 *
 * <pre>{@code
 * // a block of code
 * RequestReport report = capture.capture(() -> reader.list(paging));
 * SqlAssertions.assertThat(report).ranExactly(2).hasNoPotentialNPlusOne();
 *
 * // an MVC request (MockMvc, MockMvcTester): the filter leaves the report on the request
 * MvcTestResult result = mvc.get().uri("/books").exchange();
 * SqlAssertions.assertThat(result.getRequest()).ranAtMost(2).ranNothingWhileRendering();
 * }</pre>
 */
public final class SqlAssertions {

	private SqlAssertions() {
	}

	public static ReportAssert assertThat(RequestReport report) {
		return new ReportAssert(report);
	}

	/** The report the filter left on a served request. */
	public static ReportAssert assertThat(HttpServletRequest request) {
		Object report = request.getAttribute(RequestReport.ATTRIBUTE);
		if (!(report instanceof RequestReport requestReport)) {
			throw new AssertionError("The request carries no SQL report: did it pass through the SQL report filter?");
		}
		return new ReportAssert(requestReport);
	}

	/** Assertions on one report; each returns this, so they chain. */
	public static final class ReportAssert {

		private final RequestReport report;

		private ReportAssert(RequestReport report) {
			this.report = report;
		}

		public ReportAssert ranExactly(int expected) {
			if (this.report.statementCount() != expected) {
				fail("Expected exactly " + expected + " " + plural(expected) + " but " + ran());
			}
			return this;
		}

		public ReportAssert ranAtMost(int max) {
			if (this.report.statementCount() > max) {
				fail("Expected at most " + max + " " + plural(max) + " but " + ran());
			}
			return this;
		}

		/**
		 * No statement with the same SQL ran twice from the same line with other values.
		 */
		public ReportAssert hasNoPotentialNPlusOne() {
			List<Finding> repeats = new NPlusOneDetector(new Relations(List.of())).findings(this.report.statements())
				.stream()
				.filter(Finding::isNPlusOne)
				.toList();
			if (!repeats.isEmpty()) {
				StringBuilder message = new StringBuilder(
						"Expected no potential N+1 but found " + repeats.size() + ":");
				repeats.forEach((finding) -> message.append("\n  - ").append(finding.message()));
				fail(message.append("\n").append(ran()).toString());
			}
			return this;
		}

		/**
		 * Nothing ran while a view rendered: everything the view reads was loaded before.
		 */
		public ReportAssert ranNothingWhileRendering() {
			Predicate<StatementRecord> inView = (statement) -> statement.phase() == StatementRecord.Phase.VIEW;
			long fromView = this.report.statements().stream().filter(inView).count();
			if (fromView > 0) {
				fail("Expected no statement while the view rendered but " + fromView + " ran then; " + ran());
			}
			return this;
		}

		private String ran() {
			List<StatementRecord> statements = this.report.statements();
			StringBuilder listing = new StringBuilder(statements.size() + " ran:");
			for (StatementRecord statement : statements) {
				listing.append(String.format(Locale.ROOT, "%n  #%d %.3f ms %s%s: %s", statement.index(),
						statement.millis(), statement.callSite(),
						(statement.phase() == StatementRecord.Phase.VIEW) ? " (view)" : "",
						statement.sql().replaceAll("\\s+", " ")));
			}
			return listing.toString();
		}

		private static String plural(int count) {
			return (count == 1) ? "statement" : "statements";
		}

		private static void fail(String message) {
			throw new AssertionError(message);
		}

	}

}
