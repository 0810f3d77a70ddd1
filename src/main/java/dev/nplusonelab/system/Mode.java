package dev.nplusonelab.system;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which implementation serves a data page: the code a developer writes first, or the same
 * view filled by the query layer. Chosen per request with {@code ?mode=naive|optimized}.
 */
public enum Mode {

	NAIVE, OPTIMIZED;

	public static final String PARAMETER = "mode";

	/**
	 * The request attribute that holds the mode a request runs in, set when a handler
	 * takes a {@code Mode}; the SQL report's metrics are tagged with it.
	 */
	public static final String ATTRIBUTE = Mode.class.getName();

	public static final Mode DEFAULT = OPTIMIZED;

	/** The value as it appears in URLs and metric tags. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean isNaive() {
		return this == NAIVE;
	}

	/** The mode a value names, or null when it names none. */
	static @Nullable Mode parseOrNull(String value) {
		for (Mode mode : values()) {
			if (mode.value().equals(value)) {
				return mode;
			}
		}
		return null;
	}

	static Mode parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return DEFAULT;
		}
		Mode mode = parseOrNull(value);
		if (mode != null) {
			return mode;
		}
		throw new BadRequestException(
				"Unknown mode " + BadRequestException.quote(value) + ". Use mode=naive or mode=optimized.");
	}

}
