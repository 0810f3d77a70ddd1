package dev.nplusonelab.sqlreport;

import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.system.Mode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run in strict mode ({@link LabTest}); these drive the real filter with
 * requests that break each rule, so a regression on an optimized page fails its test.
 */
@LabTest
class StrictModeTests {

	@Autowired
	@Qualifier("nplusoneReportFilter")
	private FilterRegistrationBean<?> filter;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anNPlusOneOnAnOptimizedRequestFailsIt() throws Exception {
		MockHttpServletResponse response = serve("optimized", (report) -> {
			for (long id = 1; id <= 3; id++) {
				this.jdbc.sql("SELECT name FROM author WHERE id = :id").param("id", id).query(String.class).single();
			}
		});

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).startsWith("Strict SQL mode: this optimized request broke 1 rule")
			.contains("potential N+1: 3 similar statements from StrictModeTests.java:");
	}

	@Test
	void theSameRequestInNaiveModeIsAllowed() throws Exception {
		MockHttpServletResponse response = serve("naive", (report) -> {
			for (long id = 1; id <= 3; id++) {
				this.jdbc.sql("SELECT name FROM author WHERE id = :id").param("id", id).query(String.class).single();
			}
		});

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("page");
	}

	@Test
	void goingOverTheDeclaredBudgetFailsAnOptimizedRequest() throws Exception {
		MockHttpServletResponse response = serve("optimized", (report) -> {
			report.budget(1);
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			this.jdbc.sql("SELECT 2").query(Integer.class).single();
		});

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).contains("2 statements, over the budget of 1");
	}

	@Test
	void aStatementWhileTheViewRendersFailsAnOptimizedRequest() throws Exception {
		MockHttpServletResponse response = serve("optimized", (report) -> {
			report.phase(StatementRecord.Phase.VIEW);
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		});

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString())
			.contains("#1 ran while the view rendered, from StrictModeTests.java:");
	}

	@Test
	void aCleanOptimizedRequestPasses() throws Exception {
		MockHttpServletResponse response = serve("optimized", (report) -> {
			report.budget(1);
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		});

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("X-Sql-Statements")).isEqualTo("1");
	}

	private MockHttpServletResponse serve(String mode, Consumer<RequestReport> work) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/strict-test");
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (servletRequest, servletResponse) -> {
			servletRequest.setAttribute(Mode.ATTRIBUTE, Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
			work.accept((RequestReport) ((HttpServletRequest) servletRequest).getAttribute(RequestReport.ATTRIBUTE));
			servletResponse.getWriter().write("page");
		};
		this.filter.getFilter().doFilter(request, response, chain);
		return response;
	}

}
