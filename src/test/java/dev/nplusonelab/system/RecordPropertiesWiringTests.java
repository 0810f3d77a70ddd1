package dev.nplusonelab.system;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's template engine renders with the record accessor installed. */
@LabTest
class RecordPropertiesWiringTests {

	@Autowired
	private SpringTemplateEngine templates;

	@Test
	void theTemplateEngineInstallsTheRecordAccessorBeforeEachTemplate() {
		assertThat(this.templates.getDialects()).hasAtLeastOneElementOfType(RecordProperties.Dialect.class);
	}

}
