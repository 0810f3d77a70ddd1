package dev.nplusonelab.system;

import java.time.Duration;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.StatementSummary;

/**
 * The report of the page being rendered, as templates read it: the statements so far,
 * read when a template asks, so that a footprint written after the reader ran counts what
 * it ran, and the latency the request was given.
 *
 * @param report the request's report
 */
public record RenderedReport(RequestReport report) {

	/** The statements so far, grouped as the panel groups them. */
	public StatementSummary summary() {
		return StatementSummary.of(this.report);
	}

	public Duration latency() {
		return this.report.latency();
	}

}
