package dev.nplusonelab.diagnostics.web;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

/**
 * The servlet filter an application context is wired with, made here so that what it is
 * made of stays inside this package.
 */
public final class WebDiagnostics {

	private WebDiagnostics() {
	}

	/**
	 * The filter that opens a report per request and completes it: the headers, the
	 * panel, the metrics, the log and the history. The management endpoints, wherever
	 * {@code environment} puts them, are left out of the history.
	 * @param history the history, if it is kept
	 * @param tags the application's tag contributors, in order
	 * @param registry where the metrics go, when there is a registry
	 */
	public static OncePerRequestFilter reportFilter(SqlCapture capture, SqlDiagnostics diagnostics,
			@Nullable SqlRequestHistory history, NPlusOneProperties properties, DiagnosticsAccess access,
			SqlPanelRenderer renderer, List<SqlReportTags> tags, Supplier<@Nullable MeterRegistry> registry,
			Environment environment) {
		return reportFilter(capture, diagnostics, history, properties, access, renderer, tags, registry, List.of(),
				environment);
	}

	/**
	 * The same filter, which also tells {@code listeners} of each completed report.
	 * @param listeners told in order, on the request's thread
	 */
	public static OncePerRequestFilter reportFilter(SqlCapture capture, SqlDiagnostics diagnostics,
			@Nullable SqlRequestHistory history, NPlusOneProperties properties, DiagnosticsAccess access,
			SqlPanelRenderer renderer, List<SqlReportTags> tags, Supplier<@Nullable MeterRegistry> registry,
			List<SqlReportListener> listeners, Environment environment) {
		return new SqlReportFilter(capture, diagnostics, history, properties, access, renderer, tags, registry,
				listeners, new ManagementEndpoints(environment));
	}

}
