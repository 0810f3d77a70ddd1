package dev.nplusonelab.diagnostics.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.diagnostics.autoconfigure.NPlusOneAutoConfiguration;
import dev.nplusonelab.diagnostics.autoconfigure.NPlusOneTracingAutoConfiguration;
import dev.nplusonelab.diagnostics.web.SqlReportListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings go on the trace only where there is a tracer: an application with
 * Micrometer Tracing but no tracer bean, or without Micrometer Tracing at all, starts as
 * before, with no listener for its requests to tell.
 */
class TracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(NPlusOneAutoConfiguration.class, NPlusOneTracingAutoConfiguration.class));

	@Test
	void anApplicationWithATracerHasItsFindingsPutOnItsSpans() {
		this.runner.withUserConfiguration(WithTracer.class)
			.run((context) -> assertThat(context).getBean(SqlReportListener.class).isInstanceOf(FindingSpans.class));
	}

	@Test
	void anApplicationWithoutATracerBeanHasNoListener() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SqlReportListener.class));
	}

	@Test
	void anApplicationWithoutMicrometerTracingStartsWithoutIt() {
		this.runner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SqlReportListener.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class WithTracer {

		@Bean
		Tracer tracer() {
			return new SimpleTracer();
		}

	}

}
