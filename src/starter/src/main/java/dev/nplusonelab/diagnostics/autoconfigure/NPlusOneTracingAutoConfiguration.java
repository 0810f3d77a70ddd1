package dev.nplusonelab.diagnostics.autoconfigure;

import io.micrometer.tracing.Tracer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.tracing.FindingSpans;

/**
 * Each request's statement count and findings on its server span, when the application
 * traces with Micrometer Tracing: the web filter tells {@link FindingSpans} of each
 * completed report. An application without a tracer has no such listener, and its
 * requests do nothing more.
 * <p>
 * {@code META-INF/spring-autoconfigure-metadata.properties} repeats its class condition,
 * so that Spring Boot skips it without reading the class when Micrometer Tracing is
 * missing: the lab compiles the starter's sources without it, and so without this class.
 */
@AutoConfiguration(after = NPlusOneAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration" })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean({ Tracer.class, SqlDiagnostics.class })
public class NPlusOneTracingAutoConfiguration {

	private static final String OPENTELEMETRY_SPAN = "io.opentelemetry.api.trace.Span";

	@Bean
	FindingSpans nplusoneFindingSpans(Tracer tracer) {
		return new FindingSpans(tracer,
				ClassUtils.isPresent(OPENTELEMETRY_SPAN, NPlusOneTracingAutoConfiguration.class.getClassLoader()));
	}

}
