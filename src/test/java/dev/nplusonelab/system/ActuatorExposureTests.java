package dev.nplusonelab.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class ActuatorExposureTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void healthIsUpAndIncludesTheDatabase() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> assertThat(status).asString().isEqualTo("UP"))
			.hasPathSatisfying("$.components.db.status", (status) -> assertThat(status).asString().isEqualTo("UP"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
	void exposedEndpointsAnswer(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/shutdown",
			"/actuator/configprops", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings" })
	void nothingElseIsExposed(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(404);
	}

}
