package dev.nplusonelab.diagnostics.autoconfigure;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.web.DiagnosticsAccess;
import dev.nplusonelab.diagnostics.web.PanelLinks;
import dev.nplusonelab.diagnostics.web.PanelUrls;
import dev.nplusonelab.diagnostics.web.SqlPanelRenderer;
import dev.nplusonelab.diagnostics.web.SqlReportListener;
import dev.nplusonelab.diagnostics.web.WebDiagnostics;
import dev.nplusonelab.diagnostics.web.SqlReportTags;

/**
 * The report per HTTP request in a servlet application: the filter that opens it, adds
 * the headers and injects the panel, and who may see them.
 */
@AutoConfiguration(after = NPlusOneAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
@ConditionalOnBean(SqlDiagnostics.class)
public class NPlusOneWebAutoConfiguration {

	@Bean
	DiagnosticsAccess diagnosticsAccess(NPlusOneProperties properties) {
		return new DiagnosticsAccess(properties);
	}

	@Bean
	SqlPanelRenderer sqlPanelRenderer(NPlusOneProperties properties, ObjectProvider<PanelLinks> endpointLinks,
			ObjectProvider<PanelUrls> urls) {
		NPlusOneProperties.Panel panel = properties.getPanel();
		PanelLinks configured = PanelLinks.of(panel.getExplainUrl(), panel.getHistoryUrl());
		Supplier<PanelLinks> endpoint = SingletonSupplier
			.of(() -> endpointLinks.getIfUnique(() -> PanelLinks.of("", "")));
		PanelLinks links = new PanelLinks() {

			@Override
			public @Nullable String explain(long report, int index) {
				String link = configured.explain(report, index);
				return (link != null) ? link : endpoint.get().explain(report, index);
			}

			@Override
			public @Nullable String history() {
				String link = configured.history();
				return (link != null) ? link : endpoint.get().history();
			}

		};
		Supplier<PanelUrls> processor = SingletonSupplier.of(() -> urls.getIfUnique(() -> (request, url) -> url));
		return new SqlPanelRenderer(links, properties.getResultSet().isBytes(), properties.getMaxStatementsPerRequest(),
				(request, url) -> processor.get().apply(request, url));
	}

	/**
	 * Just inside the observation filter, so that the report is complete when that filter
	 * tags the request, and the request's span is still the current one when the
	 * listeners (the trace's) are told.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> nplusoneReportFilter(SqlCapture capture, SqlDiagnostics diagnostics,
			ObjectProvider<SqlRequestHistory> history, NPlusOneProperties properties, DiagnosticsAccess access,
			SqlPanelRenderer renderer, ObjectProvider<SqlReportTags> tags, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<SqlReportListener> listeners, Environment environment) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				WebDiagnostics.reportFilter(capture, diagnostics, history.getIfAvailable(), properties, access,
						renderer, tags.orderedStream().toList(), SingletonSupplier.of(registry::getIfUnique),
						listeners.orderedStream().toList(), environment));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
