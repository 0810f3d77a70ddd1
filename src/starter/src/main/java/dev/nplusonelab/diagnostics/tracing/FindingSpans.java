package dev.nplusonelab.diagnostics.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.web.SqlReportListener;

/**
 * Puts a request's report on its server span: the statement count and the finding count
 * as tags ({@value #STATEMENTS}, {@value #FINDINGS}), and each finding as an event
 * ({@code sql.finding}) with its kind, count, fingerprint, fix and call site as
 * OpenTelemetry's code attributes.
 * <p>
 * The report's filter runs inside the request's observation, so the current span is the
 * server span. Events carry attributes when the tracer is OpenTelemetry's; with another
 * tracer (Brave) Micrometer's span takes a name only, and each finding's event is named
 * by its one-line message instead.
 */
public final class FindingSpans implements SqlReportListener {

	/** The statements the request ran: a span tag. */
	public static final String STATEMENTS = "sql.statements";

	/** What the detector found in them: a span tag. */
	public static final String FINDINGS = "sql.findings";

	private final Tracer tracer;

	private final boolean openTelemetry;

	/**
	 * @param openTelemetry whether the OpenTelemetry API is on the class path, to add the
	 * events with their attributes
	 */
	public FindingSpans(Tracer tracer, boolean openTelemetry) {
		this.tracer = tracer;
		this.openTelemetry = openTelemetry;
	}

	@Override
	public void completed(RequestReport report, List<Finding> findings) {
		Span span = this.tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return;
		}
		span.tag(STATEMENTS, report.statementCount());
		span.tag(FINDINGS, findings.size());
		for (Finding finding : findings) {
			if (!this.openTelemetry || !OpenTelemetryEvents.add(span, FindingEvent.of(finding))) {
				span.event(finding.message());
			}
		}
	}

}
