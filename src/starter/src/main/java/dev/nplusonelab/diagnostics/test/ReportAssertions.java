package dev.nplusonelab.diagnostics.test;

import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * {@link SqlAssertions} for a report alone, with nothing of the Servlet API in its
 * signatures: an application without a web stack on its test classpath (a batch job
 * tested with {@code @DataJpaTest}, say) cannot compile a call to
 * {@code SqlAssertions.assertThat}, whose overloads name {@code HttpServletRequest}.
 */
public final class ReportAssertions {

	private ReportAssertions() {
	}

	public static ReportAssert assertThat(RequestReport report) {
		return new ReportAssert(report);
	}

}
