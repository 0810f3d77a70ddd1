package dev.nplusonelab.system;

/**
 * A request for something this deployment does not do, such as making the application
 * sleep or work on demand: answered 403 with a page, or a problem for the API, that says
 * it is switched off here. Its message is shown to the user.
 */
public class SwitchedOffException extends RuntimeException {

	public SwitchedOffException(String message) {
		super(message);
	}

}
