package dev.nplusonelab.diagnostics.capture;

/**
 * What the walker would have noted of a call site, for the tests of other parts, which
 * cannot reach the walker: the method a call site is in.
 */
public final class NotedFunctions {

	private NotedFunctions() {
	}

	public static void note(String callSite, String className, String method) {
		CallSiteFunctions.note(callSite, className, method);
	}

	public static void forget() {
		CallSiteFunctions.forget();
	}

}
