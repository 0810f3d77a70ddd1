package dev.nplusonelab.system;

/** The thing a URL names does not exist, e.g. {@code /books/999999}. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super("There is no " + what + " with id " + id + ".");
	}

}
