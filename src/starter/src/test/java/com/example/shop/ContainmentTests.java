package com.example.shop;

import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.stubbing.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.web.SqlMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;

/**
 * The starter's own parts failing, one at a time: the request still answers 200 with the
 * application's page, and the failure is logged once however many requests meet it. Each
 * part is made to throw where the starter calls it; taking away the guard around that
 * call turns its test red (a 500, the page lost, or no log line).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContainmentTests.BrokenMetrics.class)
@ExtendWith(OutputCaptureExtension.class)
class ContainmentTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoSpyBean
	private SqlCapture capture;

	@MockitoSpyBean
	private SqlDiagnostics diagnostics;

	@MockitoSpyBean
	private SqlRequestHistory history;

	@Test
	void theStatementListener(CapturedOutput output) {
		willAnswer(throwWhenCalledFrom("StatementListener")).given(this.capture).current();

		answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(logged(output, "statement listener")).isOne();
	}

	@Test
	void theResultSetCounter(CapturedOutput output) {
		willAnswer(throwWhenCalledFrom("CountingResultSets")).given(this.capture).current();

		answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(logged(output, "result set counting")).isOne();
	}

	@Test
	void theDetector(CapturedOutput output) {
		willThrow(new IllegalStateException("detector")).given(this.diagnostics).findings(any());

		answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(logged(output, "N+1 detector")).isOne();
	}

	/**
	 * Through the application's own meter filter, refusing only while this test runs (the
	 * page is one no other test here asks for, so its meter was never made before).
	 */
	@Test
	void theMetrics(CapturedOutput output) {
		BrokenMetrics.refusing = true;
		try {
			answersThePageThreeTimes("/page/clean", "<h1>Clean</h1>");
		}
		finally {
			BrokenMetrics.refusing = false;
		}

		assertThat(logged(output, "metrics")).isOne();
	}

	@Test
	void theHistory(CapturedOutput output) {
		willThrow(new IllegalStateException("history")).given(this.history).add(any());

		answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(logged(output, "history")).isOne();
	}

	@Test
	void thePanel(CapturedOutput output) throws Exception {
		willThrow(new IllegalStateException("panel")).given(this.diagnostics).panel(any(), any(), any(), any());

		List<MvcTestResult> results = answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(results.get(0).getResponse().getContentAsString()).doesNotContain("sql-panel");
		assertThat(logged(output, "panel")).isOne();
	}

	@Test
	void theLog(CapturedOutput output) {
		willThrow(new IllegalStateException("log")).given(this.diagnostics).log(any(), any(), any());

		answersThePageThreeTimes("/page/naive", "<h1>Naive</h1>");

		assertThat(logged(output, "log")).isOne();
	}

	private List<MvcTestResult> answersThePageThreeTimes(String path, String body) {
		List<MvcTestResult> results = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			MvcTestResult result = this.mvc.get().uri(path).exchange();
			assertThat(result).hasStatusOk().bodyText().contains(body);
			results.add(result);
		}
		return results;
	}

	/** Throws to callers from the starter's class of that simple name only. */
	private static Answer<Object> throwWhenCalledFrom(String simpleName) {
		String caller = "dev.nplusonelab.diagnostics.capture." + simpleName;
		return (invocation) -> {
			boolean fromThere = StackWalker.getInstance()
				.walk((frames) -> frames.skip(1)
					.limit(12)
					.anyMatch((frame) -> frame.getClassName().startsWith(caller)));
			if (fromThere) {
				throw new IllegalStateException(simpleName);
			}
			return invocation.callRealMethod();
		};
	}

	private static int logged(CapturedOutput output, String kind) {
		return FailureIsolationTests.occurrences(output.getAll(),
				"N+1 diagnostics: " + kind + " failed and is skipped");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BrokenMetrics {

		static volatile boolean refusing;

		/**
		 * An application's meter filter that cannot take the starter's statement count.
		 */
		@Bean
		MeterFilter refusesTheStatementCount() {
			return new MeterFilter() {

				@Override
				public Meter.Id map(Meter.Id id) {
					if (refusing && id.getName().equals(SqlMetrics.STATEMENTS)) {
						throw new IllegalStateException("metrics");
					}
					return id;
				}

			};
		}

	}

}
