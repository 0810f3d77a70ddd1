package dev.nplusonelab.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What holds in every profile: the security headers on every kind of response, the
 * statement timeout on every pooled connection, and the Actuator endpoints that are never
 * available.
 */
@LabTest
class ProductionSettingsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/books?mode=naive&size=5", "/books/999999", "/books?page=-1", "/api/books?size=2",
			"/api/nothing", "/actuator/health", "/css/app.css", "/no-such-page", "/sql/requests" })
	void everyResponseCarriesTheSecurityHeaders(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).headers()
			.hasValue("X-Content-Type-Options", "nosniff")
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("Referrer-Policy", "same-origin")
			.hasValue("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
			.contains("frame-ancestors 'none'", "script-src 'self'", "style-src 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void pooledConnectionsCancelSlowStatements() {
		assertThat(this.jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/shutdown" })
	void endpointsThatLeakOrStopTheApplicationAreNeverAvailable(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(404);
		assertThat(this.mvc.post().uri(uri)).hasStatus4xxClientError();
	}

}
