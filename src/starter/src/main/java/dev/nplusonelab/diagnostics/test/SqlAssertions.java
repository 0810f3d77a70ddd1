package dev.nplusonelab.diagnostics.test;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * Statement-count assertions, the {@code assertNumQueries} of Spring: an AssertJ entry
 * point whose failures list every statement that ran, with its call site, so the message
 * says what to fix.
 *
 * <pre>{@code
 * // a block of code
 * RequestReport report = capture.capture(() -> reader.list(paging));
 * SqlAssertions.assertThat(report).ranExactly(2).hasNoPotentialNPlusOne();
 *
 * // an MVC request (MockMvcTester): the filter leaves the report on the request
 * MvcTestResult result = mvc.get().uri("/books").exchange();
 * SqlAssertions.assertThat(result).ranAtMost(2).ranNothingWhileRendering();
 * }</pre>
 *
 * For a whole test method, {@link ExpectStatements} does the same. Its overloads name the
 * Servlet API and Spring's test support, so a test classpath without them uses
 * {@link ReportAssertions} instead.
 */
public final class SqlAssertions {

	private SqlAssertions() {
	}

	public static ReportAssert assertThat(RequestReport report) {
		return new ReportAssert(report);
	}

	/** The report the SQL report filter left on a served request. */
	public static ReportAssert assertThat(HttpServletRequest request) {
		Object report = request.getAttribute(RequestReport.ATTRIBUTE);
		if (!(report instanceof RequestReport requestReport)) {
			throw new AssertionError(
					"The request carries no SQL report: did it pass through the N+1 diagnostics' report filter?");
		}
		return new ReportAssert(requestReport);
	}

	/** The report of a request made with {@code MockMvcTester}. */
	public static ReportAssert assertThat(MvcTestResult result) {
		return assertThat(result.getRequest());
	}

}
