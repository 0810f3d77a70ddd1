package dev.nplusonelab.diagnostics.tracing;

import io.micrometer.tracing.Span;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Events with attributes, which Micrometer's span has no way to add: through the
 * OpenTelemetry API, on the span OpenTelemetry holds current, when that is the span
 * Micrometer tags (its OpenTelemetry bridge makes them the same). Only loaded when the
 * OpenTelemetry API is on the class path.
 */
final class OpenTelemetryEvents {

	private OpenTelemetryEvents() {
	}

	/**
	 * Adds the event to {@code span} and answers true, or answers false when
	 * OpenTelemetry's current span is another (a tracer other than OpenTelemetry's).
	 */
	static boolean add(Span span, FindingEvent event) {
		io.opentelemetry.api.trace.Span current = io.opentelemetry.api.trace.Span.current();
		SpanContext context = current.getSpanContext();
		if (!context.isValid() || !context.getSpanId().equals(span.context().spanId())) {
			return false;
		}
		AttributesBuilder attributes = Attributes.builder();
		for (FindingEvent.Attribute attribute : event.attributes()) {
			if (attribute.value() instanceof Long number) {
				attributes.put(attribute.key(), number.longValue());
			}
			else {
				attributes.put(attribute.key(), attribute.value().toString());
			}
		}
		current.addEvent(FindingEvent.NAME, attributes.build());
		return true;
	}

}
