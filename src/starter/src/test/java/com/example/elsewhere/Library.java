package com.example.elsewhere;

/**
 * Code that is neither the application's nor a framework's (a library the application
 * uses), for the call-site walker's tests.
 */
public final class Library {

	private Library() {
	}

}
