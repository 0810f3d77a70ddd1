package dev.nplusonelab.sqlreport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel, the history and EXPLAIN each turn off with a property, for production. */
@SpringBootTest(
		properties = { "nplusone.panel.enabled=false", "nplusone.history.enabled=false", "lab.seed.scale=0.05" })
@AutoConfigureMockMvc
class SqlTogglesTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void withoutThePanelPagesStillCountButShowNoStatements() {
		var result = this.mvc.get().uri("/books?mode=naive&size=5").exchange();

		assertThat(result).hasStatusOk().bodyText().doesNotContain("id=\"sql-panel\"");
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isNotBlank();
	}

	@Test
	void withoutTheHistoryItsPagesEndpointAndExplainAreGone() {
		assertThat(this.mvc.get().uri("/sql/requests")).hasStatus(404);
		assertThat(this.mvc.get().uri("/sql/requests/1/statements/1/explain")).hasStatus(404);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests")).hasStatus(404);
	}

}
