package dev.nplusonelab.diagnostics.tracing;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.Fingerprint;
import dev.nplusonelab.diagnostics.capture.NotedFunctions;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * A request's report on its span: the counts as tags, each finding as an event, with its
 * attributes through OpenTelemetry's SDK behind Micrometer's bridge, and named by its
 * message with a tracer that takes names only. Nothing happens without a current span.
 */
class FindingSpansTests {

	private final String owners = unseen("SELECT id, name FROM owner ORDER BY name");

	private final String petsOfOwner = unseen("SELECT id, name FROM pet WHERE owner_id = ?");

	private final String typeById = unseen("SELECT name FROM type WHERE id = ?");

	/**
	 * One type looked up twice from two lines, four owners, the pets of each from one
	 * line.
	 */
	private final RecordedStatements statements = new RecordedStatements().from("TypeReader.java:7")
		.ran(this.typeById, 1, 9L)
		.from("Header.java:3")
		.ran(this.typeById, 1, 9L)
		.from("OwnerReader.java:31")
		.ran(this.owners, 4)
		.from("OwnerReader.java:42")
		.ran(this.petsOfOwner, 1, 1L)
		.ran(this.petsOfOwner, 2, 2L)
		.ran(this.petsOfOwner, 0, 3L)
		.ran(this.petsOfOwner, 1, 4L);

	private final RequestReport report = this.statements.report();

	private final List<Finding> findings = new NPlusOneDetector().findings(this.statements.list());

	@AfterEach
	void forget() {
		NotedFunctions.forget();
	}

	@Test
	void theSpanIsTaggedWithTheStatementAndFindingCounts() {
		SimpleTracer tracer = new SimpleTracer();

		SimpleSpan span = inSpan(tracer, () -> new FindingSpans(tracer, false).completed(this.report, this.findings));

		assertThat(this.findings).hasSize(2);
		assertThat(span.getTags()).containsEntry(FindingSpans.STATEMENTS, "7")
			.containsEntry(FindingSpans.FINDINGS, "2");
	}

	/**
	 * Brave's spans and Micrometer's take an event's name only: the message says it all.
	 */
	@Test
	void withATracerThatTakesNamesOnlyEachFindingIsAnEventNamedByItsMessage() {
		SimpleTracer tracer = new SimpleTracer();

		SimpleSpan span = inSpan(tracer, () -> new FindingSpans(tracer, false).completed(this.report, this.findings));

		assertThat(span.getEvents()).extracting((event) -> event.getValue())
			.containsExactly(this.findings.get(0).message(), this.findings.get(1).message());
	}

	/**
	 * The OpenTelemetry API on the class path, but another tracer's span current: the
	 * events still go on the span that is tagged, by name.
	 */
	@Test
	void whenOpenTelemetrysCurrentSpanIsNotTheTaggedOneTheEventsAreNamedByTheirMessage() {
		SimpleTracer tracer = new SimpleTracer();

		SimpleSpan span = inSpan(tracer, () -> new FindingSpans(tracer, true).completed(this.report, this.findings));

		assertThat(span.getEvents()).hasSize(2);
		assertThat(span.getTags()).containsEntry(FindingSpans.FINDINGS, "2");
	}

	/**
	 * OpenTelemetry's current span is another than the one Micrometer's tracer tags (two
	 * tracers in one application): the events go on the tagged span, by name, and none on
	 * the other.
	 */
	@Test
	void theEventsNeverGoOnAnotherSpanThanTheTaggedOne() {
		SimpleTracer tracer = new SimpleTracer();
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		SimpleSpan span;
		List<SpanData> exported;
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build()) {
			io.opentelemetry.api.trace.Span other = provider.get("test").spanBuilder("other").startSpan();
			try (io.opentelemetry.context.Scope scope = other.makeCurrent()) {
				span = inSpan(tracer, () -> new FindingSpans(tracer, true).completed(this.report, this.findings));
			}
			other.end();
			exported = exporter.getFinishedSpanItems();
		}

		assertThat(span.getEvents()).hasSize(2);
		assertThat(exported).singleElement().satisfies((otherSpan) -> assertThat(otherSpan.getEvents()).isEmpty());
	}

	@Test
	void withoutACurrentSpanNothingIsTagged() {
		SimpleTracer tracer = new SimpleTracer();
		SimpleSpan span = tracer.nextSpan().name("http get /owners").start();

		new FindingSpans(tracer, false).completed(this.report, this.findings);
		span.end();

		assertThat(span.getTags()).isEmpty();
		assertThat(span.getEvents()).isEmpty();
	}

	/**
	 * Micrometer Tracing without a bridge: Spring Boot's no-op tracer, whose span drops
	 * what it is given, so nothing is worked out for it.
	 */
	@Test
	void aNoopSpanIsLeftAlone() {
		Tracer tracer = mock(Tracer.class);
		Span span = mock(Span.class);
		given(tracer.currentSpan()).willReturn(span);
		given(span.isNoop()).willReturn(true);

		new FindingSpans(tracer, true).completed(this.report, this.findings);

		then(span).should().isNoop();
		then(span).shouldHaveNoMoreInteractions();
	}

	@Test
	void withOpenTelemetryEachFindingIsAnEventWithItsKindCountFingerprintFixAndCode() {
		NotedFunctions.note("OwnerReader.java:42", "com.example.clinic.OwnerReader", "owners");
		List<SpanData> exported = withOpenTelemetry(
				(tracer) -> new FindingSpans(tracer, true).completed(this.report, this.findings));

		assertThat(exported).hasSize(1);
		SpanData span = exported.get(0);
		assertThat(span.getAttributes().get(AttributeKey.longKey(FindingSpans.STATEMENTS))).isEqualTo(7L);
		assertThat(span.getAttributes().get(AttributeKey.longKey(FindingSpans.FINDINGS))).isEqualTo(2L);
		assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("sql.finding", "sql.finding");

		Finding nPlusOne = this.findings.get(0);
		assertThat(nPlusOne.kind()).isEqualTo(Finding.Kind.N_PLUS_ONE);
		assertThat(nPlusOne.suggestion()).isNotNull();
		Attributes event = span.getEvents().get(0).getAttributes();
		assertThat(string(event, "sql.finding.kind")).isEqualTo("n_plus_one");
		assertThat(event.get(AttributeKey.longKey("sql.finding.count"))).isEqualTo(4L);
		assertThat(string(event, "sql.finding.fingerprint")).isEqualTo(Fingerprint.of(this.petsOfOwner));
		assertThat(string(event, "sql.finding.message")).isEqualTo(nPlusOne.message());
		assertThat(string(event, "sql.finding.fix")).isEqualTo(nPlusOne.suggestion().text());
		assertThat(string(event, "code.file.path")).isEqualTo("OwnerReader.java");
		assertThat(string(event, "code.filepath")).isEqualTo("OwnerReader.java");
		assertThat(event.get(AttributeKey.longKey("code.line.number"))).isEqualTo(42L);
		assertThat(event.get(AttributeKey.longKey("code.lineno"))).isEqualTo(42L);
		assertThat(string(event, "code.function.name")).isEqualTo("com.example.clinic.OwnerReader.owners");
		assertThat(string(event, "code.function")).isEqualTo("owners");
		assertThat(string(event, "code.namespace")).isEqualTo("com.example.clinic.OwnerReader");

		Attributes duplicate = span.getEvents().get(1).getAttributes();
		assertThat(string(duplicate, "sql.finding.kind")).isEqualTo("duplicate");
		assertThat(duplicate.get(AttributeKey.longKey("sql.finding.count"))).isEqualTo(2L);
		assertThat(duplicate.get(AttributeKey.longKey("code.line.number"))).isEqualTo(7L);
		// No method noted at that line: none named rather than a guess.
		assertThat(string(duplicate, "code.function.name")).isNull();
		assertThat(string(duplicate, "code.function")).isNull();
		assertThat(string(duplicate, "code.namespace")).isNull();
	}

	@Test
	void aFindingWithoutAnApplicationLineHasNoCodeAttributes() {
		RecordedStatements unplaced = new RecordedStatements().from("(no application frame)")
			.ran(this.owners, 2)
			.ran(this.petsOfOwner, 1, 1L)
			.ran(this.petsOfOwner, 1, 2L);
		List<Finding> found = new NPlusOneDetector().findings(unplaced.list());

		List<SpanData> exported = withOpenTelemetry(
				(tracer) -> new FindingSpans(tracer, true).completed(unplaced.report(), found));

		assertThat(found).isNotEmpty();
		Attributes event = exported.get(0).getEvents().get(0).getAttributes();
		assertThat(string(event, "sql.finding.kind")).isNotNull();
		assertThat(event.asMap().keySet()).extracting(AttributeKey::getKey).noneMatch((key) -> key.startsWith("code."));
	}

	private static String string(Attributes attributes, String key) {
		return attributes.get(AttributeKey.stringKey(key));
	}

	private static SimpleSpan inSpan(SimpleTracer tracer, Runnable work) {
		SimpleSpan span = tracer.nextSpan().name("http get /owners").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			work.run();
		}
		span.end();
		return span;
	}

	/**
	 * Runs the work in a span of OpenTelemetry's SDK, current for OpenTelemetry and for
	 * Micrometer's bridge alike, as in an application, and answers what was exported.
	 */
	private static List<SpanData> withOpenTelemetry(java.util.function.Consumer<Tracer> work) {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build()) {
			OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), (event) -> {
			});
			Span span = tracer.nextSpan().name("http get /owners").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				work.accept(tracer);
			}
			span.end();
			return exporter.getFinishedSpanItems();
		}
	}

}
