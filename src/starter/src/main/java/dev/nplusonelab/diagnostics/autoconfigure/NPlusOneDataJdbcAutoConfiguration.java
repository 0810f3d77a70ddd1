package dev.nplusonelab.diagnostics.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

import dev.nplusonelab.diagnostics.detect.DataJdbcSuggestions;

/**
 * Fix suggestions that name Spring Data JDBC aggregates and their properties
 * ({@code Book.tags}, {@code Book.author}), when the application has Spring Data JDBC.
 * The mapping context is looked up when a finding needs it, so it may come from any
 * configuration.
 */
@AutoConfiguration(before = NPlusOneAutoConfiguration.class)
@ConditionalOnClass(JdbcMappingContext.class)
@ConditionalOnBooleanProperty(name = "nplusone.enabled", matchIfMissing = true)
public class NPlusOneDataJdbcAutoConfiguration {

	@Bean
	DataJdbcSuggestions nplusoneDataJdbcSuggestions(ObjectProvider<JdbcMappingContext> contexts) {
		return new DataJdbcSuggestions(contexts);
	}

}
