package com.example.callsites;

/** Another class of application code, for the call-site walker's tests. */
public final class Books {

	private Books() {
	}

}
