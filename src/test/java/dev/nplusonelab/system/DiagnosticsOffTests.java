package dev.nplusonelab.system;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab with {@code nplusone.enabled=false}, as the overhead benchmark runs it for its
 * baseline: the starter leaves nothing behind, and the lab still serves every page, only
 * without the panel, and refuses what needs the diagnostics with a 4xx that says why.
 */
@SpringBootTest(properties = { "nplusone.enabled=false", "lab.seed.scale=0.02" })
@AutoConfigureMockMvc
class DiagnosticsOffTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DataSource dataSource;

	@Test
	void theStarterLeavesNoProxyAndNoCapture() {
		assertThat(this.context.getBeanNamesForType(SqlCapture.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SqlDiagnostics.class)).isEmpty();
		assertThat(this.dataSource).isNotInstanceOf(ProxyDataSource.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/books?mode=naive", "/books/1", "/authors?mode=naive&size=5", "/orders",
			"/customers/1", "/mistakes/serializer?mode=naive&size=5", "/guide", "/detection", "/lab" })
	void everyPageStillServesWithoutThePanel(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().doesNotContain("id=\"sql-panel\"");
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isNull();
	}

	@Test
	void theJsonApiServes() {
		assertThat(this.mvc.get().uri("/api/books?mode=naive&size=5")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items")
			.asArray()
			.hasSize(5);
	}

	@Test
	void latencyIsRefusedBecauseNothingCouldInjectIt() {
		assertThat(this.mvc.get().uri("/books?latency=5")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("nplusone.enabled=false");
	}

	@Test
	void aLabRunIsRefusedBecauseNothingWouldCount() {
		assertThat(this.mvc.get().uri("/lab?workload=books&sizes=10&run=1")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("nplusone.enabled=false");
	}

	@Test
	void thereIsNoHistory() {
		assertThat(this.mvc.get().uri("/sql/requests")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
