package com.example.tracing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wire format, proven: the sample exports its spans over OTLP/HTTP to a receiver in
 * the test, which decodes the protobuf as a tracing backend would. The request's server
 * span carries the statement and finding counts, and the N+1 of the owner list is an
 * event on it that names the line, the method and the fix. Prometheus's counter of N+1s
 * names the same trace in its exemplar.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
class TraceExportTests {

	private static final OtlpReceiver receiver = OtlpReceiver.start();

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The exemplar of an OpenMetrics sample: {@code # {span_id="…",trace_id="…"} 1.0 …}.
	 */
	private static final Pattern EXEMPLAR = Pattern
		.compile("# \\{span_id=\"([0-9a-f]{16})\",trace_id=\"([0-9a-f]{32})\"\\}");

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void exportToTheReceiver(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", receiver::endpoint);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void theServerSpanCarriesTheCountsAndTheNPlusOneAsAnEventWithItsLineAndFix() throws IOException {
		String traceId = ownersInNewTrace();

		Span server = serverSpanOf(traceId);

		// The owners, then the pets of each of the five: six statements, one finding.
		Map<String, Object> attributes = attributes(server.getAttributesList());
		assertThat(attributes).containsEntry("sql.statements", 6L).containsEntry("sql.findings", 1L);
		assertThat(server.getEventsList()).singleElement().satisfies((event) -> {
			assertThat(event.getName()).isEqualTo("sql.finding");
			Map<String, Object> finding = attributes(event.getAttributesList());
			long line = lineOf("OwnerController.java", "owner.getPets()");
			assertThat(finding).containsEntry("sql.finding.kind", "n_plus_one")
				.containsEntry("sql.finding.count", 5L)
				.containsEntry("code.file.path", "OwnerController.java")
				.containsEntry("code.filepath", "OwnerController.java")
				.containsEntry("code.line.number", line)
				.containsEntry("code.lineno", line)
				.containsEntry("code.function.name", "com.example.tracing.OwnerController.lambda$owners$0")
				.containsEntry("code.function", "lambda$owners$0")
				.containsEntry("code.namespace", "com.example.tracing.OwnerController");
			assertThat((String) finding.get("sql.finding.fingerprint")).startsWith("select")
				.contains("from pet")
				.contains("owner_id=?");
			assertThat((String) finding.get("sql.finding.message"))
				.startsWith("potential N+1: 5 statements from OwnerController.java:" + line);
			assertThat((String) finding.get("sql.finding.fix")).contains("Owner.pets");
		});
	}

	/**
	 * Prometheus keeps an exemplar for some seconds before it samples another, so the one
	 * scraped may be of an earlier request of these tests: whichever it is, it names the
	 * server span of a trace that shows the N+1 and its line.
	 */
	@Test
	void theNPlusOneCounterLinksToTheTraceInItsExemplar() {
		serverSpanOf(ownersInNewTrace());

		String scrape = http().get()
			.uri("/actuator/prometheus")
			.header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
			.retrieve()
			.body(String.class);

		List<String> counters = scrape.lines().filter((line) -> line.startsWith("app_sql_nplusone_total{")).toList();
		assertThat(counters).singleElement().asString().contains("uri=\"/owners\"");
		Matcher exemplar = EXEMPLAR.matcher(counters.get(0));
		assertThat(exemplar.find()).as(counters.get(0)).isTrue();
		Span server = serverSpanOf(exemplar.group(2));
		assertThat(HexFormat.of().formatHex(server.getSpanId().toByteArray())).isEqualTo(exemplar.group(1));
		assertThat(server.getEventsList()).singleElement()
			.satisfies((event) -> assertThat(attributes(event.getAttributesList()))
				.containsEntry("sql.finding.kind", "n_plus_one")
				.containsEntry("code.file.path", "OwnerController.java"));
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

	/**
	 * Asks for the owner list as part of a trace of the test's own, sampled, the way a
	 * gateway or another service would ({@code traceparent}), and answers its id.
	 */
	private String ownersInNewTrace() {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String parent = HexFormat.of().formatHex(randomBytes(8));
		ResponseEntity<String> response = http().get()
			.uri("/owners")
			.header("traceparent", "00-" + traceId + "-" + parent + "-01")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return traceId;
	}

	/** The server's span of that trace, once the exporter has sent it. */
	private static Span serverSpanOf(String traceId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.spans()
				.stream()
				.filter((span) -> HexFormat.of().formatHex(span.getTraceId().toByteArray()).equals(traceId))
				.filter((span) -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static Map<String, Object> attributes(List<KeyValue> attributes) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			AnyValue value = attribute.getValue();
			values.put(attribute.getKey(), switch (value.getValueCase()) {
				case INT_VALUE -> value.getIntValue();
				case STRING_VALUE -> value.getStringValue();
				default -> value.toString();
			});
		}
		return values;
	}

	/** The line of the sample's source that holds {@code text}, counted from 1. */
	private static long lineOf(String file, String text) throws IOException {
		List<String> lines = Files.readAllLines(Path.of("src/main/java/com/example/tracing", file));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new IllegalStateException(text + " not in " + file);
	}

}
