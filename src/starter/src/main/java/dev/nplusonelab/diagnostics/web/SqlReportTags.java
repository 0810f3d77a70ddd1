package dev.nplusonelab.diagnostics.web;

import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

import dev.nplusonelab.diagnostics.capture.RequestReport;

/**
 * Extra tags for a request's {@code app.sql.*} metrics, besides {@code uri}: what the
 * application knows about a request that the starter does not (a tenant tier, a feature
 * switch, an API version). Asked once a request completed; the report keeps them
 * ({@link RequestReport#tags()}) and the history shows them.
 * <p>
 * Return the same keys for every request, with few distinct values: a metric registry
 * such as Prometheus needs one set of keys per metric.
 */
@FunctionalInterface
public interface SqlReportTags {

	Tags tags(HttpServletRequest request, RequestReport report);

}
