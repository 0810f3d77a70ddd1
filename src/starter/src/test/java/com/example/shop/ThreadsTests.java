package com.example.shop;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskDecorator;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.web.SqlMetrics;
import dev.nplusonelab.diagnostics.web.SqlPanelRenderer;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement on another thread is counted and shown as such, never lost or
 * misattributed: {@code @Async} work counts for the request that handed it over (the
 * starter's TaskDecorator composes with the application's own), and a statement on a
 * thread with no report is counted as unattributed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ThreadsTests.ApplicationDecorator.class)
class ThreadsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private SqlPanelRenderer renderer;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Test
	void asyncWorkCountsForItsRequestAndNamesItsThread() {
		int decorated = ApplicationDecorator.decorated.size();
		MvcTestResult result = this.mvc.get().uri("/async").exchange();
		RequestReport report = RequestReportTests.report(result);

		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("2");
		assertThat(report.statements()).extracting(StatementRecord::thread).first().isEqualTo(report.thread());
		assertThat(report.statements().get(1).thread()).isNotEqualTo(report.thread());
		assertThat(report.statements().get(1).callSite()).startsWith("Reviews.java:");
		assertThat(ApplicationDecorator.decorated).as("the application's own decorator still runs")
			.hasSizeGreaterThan(decorated);
	}

	@Test
	void thePanelSaysOnWhichThreadAStatementRan() {
		RequestReport report = RequestReportTests.report(this.mvc.get().uri("/async").exchange());

		String panel = this.renderer.panel(this.diagnostics.panel(report), "");

		assertThat(panel).contains("<span class=\"badge thread\">on thread " + report.statements().get(1).thread());
	}

	@Test
	void aParallelStreamsStatementsAreEitherTheRequestsOrUnattributedNeverLost() {
		long before = this.capture.unattributedStatements();
		MvcTestResult result = this.mvc.get().uri("/parallel").exchange();
		long unattributed = this.capture.unattributedStatements() - before;
		int counted = Integer.parseInt(result.getResponse().getHeader("X-Sql-Statements"));

		assertThat(counted + unattributed).isEqualTo(8);
		assertThat(RequestReportTests.report(result).statements()).allSatisfy(
				(statement) -> assertThat(statement.thread()).isEqualTo(RequestReportTests.report(result).thread()));
	}

	@Test
	void aStatementOnARawThreadBelongsToNoRequestAndIsCountedAsUnattributed() {
		FunctionCounter counter = this.registry.find(SqlMetrics.UNATTRIBUTED).functionCounter();
		double before = counter.count();

		MvcTestResult result = this.mvc.get().uri("/raw-thread").exchange();

		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("0");
		assertThat(counter.count() - before).isEqualTo(1);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests")).bodyJson()
			.extractingPath("$.unattributedStatements")
			.asNumber()
			.satisfies((total) -> assertThat(total.longValue()).isPositive());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ApplicationDecorator {

		static final List<String> decorated = new ArrayList<>();

		@Bean
		TaskDecorator applicationDecorator() {
			return (task) -> () -> {
				synchronized (decorated) {
					decorated.add(Thread.currentThread().getName());
				}
				task.run();
			};
		}

	}

}
