package dev.nplusonelab.diagnostics.tracing;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.CallSiteFunctions;

/**
 * A finding's call site as a tracing backend reads code: the file, the line and, when the
 * capture noted it, the method.
 *
 * @param file the source file's name as the class file records it,
 * {@code OwnerController.java}: the JVM knows no path
 * @param line the line
 * @param function the method, if the capture noted exactly one at this call site
 */
record CodeLocation(String file, long line, CallSiteFunctions.@Nullable Function function) {

	/**
	 * The call site {@code File.java:123}; none for what stands in for one when there was
	 * no application frame, call sites were off or not sampled, all of which end in a
	 * parenthesis rather than a line number.
	 */
	static @Nullable CodeLocation of(String callSite) {
		int colon = callSite.lastIndexOf(':');
		int digits = callSite.length() - colon - 1;
		// A class file's line numbers take 16 bits: more than nine digits is no line.
		if (colon <= 0 || digits == 0 || digits > 9) {
			return null;
		}
		long line = 0;
		for (int i = colon + 1; i < callSite.length(); i++) {
			char digit = callSite.charAt(i);
			if (digit < '0' || digit > '9') {
				return null;
			}
			line = line * 10 + (digit - '0');
		}
		return new CodeLocation(callSite.substring(0, colon), line, CallSiteFunctions.of(callSite));
	}

}
