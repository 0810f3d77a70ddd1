package com.example.callsites;

import java.util.function.Supplier;

/**
 * A frame of application code for the call-site walker's tests: what it asks for is asked
 * from this class's line.
 */
public final class Caller {

	private Caller() {
	}

	public static <T> T ask(Supplier<T> question) {
		return question.get();
	}

}
