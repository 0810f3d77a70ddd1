package dev.nplusonelab.diagnostics.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nplusonelab.diagnostics.capture.CallSiteFunctions;
import dev.nplusonelab.diagnostics.capture.Fingerprint;
import dev.nplusonelab.diagnostics.detect.Finding;

/**
 * What a finding says as a span event: its attributes, named after OpenTelemetry's
 * semantic conventions where they name it (the code attributes) and {@code sql.finding.*}
 * for the rest.
 * <p>
 * The call site goes out under the code attributes' current names
 * ({@code code.file.path}, {@code code.line.number}, {@code code.function.name}) and
 * under the names they had until semantic conventions 1.30 ({@code code.filepath},
 * {@code code.lineno}, {@code code.function}, {@code code.namespace}), which backends and
 * tools still read, Sentry's among them.
 *
 * @param attributes in order; each value a {@link String} or a {@link Long}
 */
record FindingEvent(List<Attribute> attributes) {

	/** The name of every finding's event. */
	static final String NAME = "sql.finding";

	static final String KIND = "sql.finding.kind";

	static final String COUNT = "sql.finding.count";

	static final String FINGERPRINT = "sql.finding.fingerprint";

	static final String MESSAGE = "sql.finding.message";

	static final String FIX = "sql.finding.fix";

	static final String CODE_FILE_PATH = "code.file.path";

	static final String CODE_LINE_NUMBER = "code.line.number";

	static final String CODE_FUNCTION_NAME = "code.function.name";

	static final String CODE_FILEPATH = "code.filepath";

	static final String CODE_LINENO = "code.lineno";

	static final String CODE_FUNCTION = "code.function";

	static final String CODE_NAMESPACE = "code.namespace";

	static FindingEvent of(Finding finding) {
		List<Attribute> attributes = new ArrayList<>(13);
		attributes.add(new Attribute(KIND, finding.kind().name().toLowerCase(Locale.ROOT)));
		attributes.add(new Attribute(COUNT, (long) finding.count()));
		attributes.add(new Attribute(FINGERPRINT, Fingerprint.of(finding.sql())));
		attributes.add(new Attribute(MESSAGE, finding.message()));
		Finding.Suggestion suggestion = finding.suggestion();
		if (suggestion != null) {
			attributes.add(new Attribute(FIX, suggestion.text()));
		}
		CodeLocation code = CodeLocation.of(finding.callSite());
		if (code != null) {
			attributes.add(new Attribute(CODE_FILE_PATH, code.file()));
			attributes.add(new Attribute(CODE_LINE_NUMBER, code.line()));
			attributes.add(new Attribute(CODE_FILEPATH, code.file()));
			attributes.add(new Attribute(CODE_LINENO, code.line()));
			CallSiteFunctions.Function function = code.function();
			if (function != null) {
				attributes.add(new Attribute(CODE_FUNCTION_NAME, function.qualifiedName()));
				attributes.add(new Attribute(CODE_FUNCTION, function.method()));
				attributes.add(new Attribute(CODE_NAMESPACE, function.className()));
			}
		}
		return new FindingEvent(List.copyOf(attributes));
	}

	/**
	 * @param value a {@link String} or a {@link Long}
	 */
	record Attribute(String key, Object value) {
	}

}
