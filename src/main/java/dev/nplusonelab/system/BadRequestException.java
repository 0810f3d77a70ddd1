package dev.nplusonelab.system;

/**
 * A parameter the page cannot serve. Its message is shown to the user, so it says what to
 * send instead.
 */
public class BadRequestException extends RuntimeException {

	private static final int QUOTED_LENGTH = 40;

	public BadRequestException(String message) {
		super(message);
	}

	/** A user-supplied value, shortened, for an error message. */
	public static String quote(String value) {
		return "\"" + ((value.length() <= QUOTED_LENGTH) ? value : value.substring(0, QUOTED_LENGTH) + "…") + "\"";
	}

}
