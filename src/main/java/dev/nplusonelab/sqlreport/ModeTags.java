package dev.nplusonelab.sqlreport;

import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.web.SqlReportTags;
import dev.nplusonelab.system.Mode;

/**
 * Tags the {@code app.sql.*} metrics of every request with the mode it ran in, so that
 * Prometheus or Grafana can compare naive and optimized per page: {@code naive},
 * {@code optimized}, or {@code none} for pages without a mode.
 */
@Component
class ModeTags implements SqlReportTags {

	static final String MODE = "mode";

	@Override
	public Tags tags(HttpServletRequest request, RequestReport report) {
		return Tags.of(MODE, modeOf(request));
	}

	/** The mode a request was served in, as its metrics are tagged. */
	static String modeOf(HttpServletRequest request) {
		return (request.getAttribute(Mode.ATTRIBUTE) instanceof Mode mode) ? mode.value() : "none";
	}

}
