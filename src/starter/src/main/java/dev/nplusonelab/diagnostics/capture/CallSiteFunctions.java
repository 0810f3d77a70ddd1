package dev.nplusonelab.diagnostics.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The method behind each call site, for what names code the way tracing backends do
 * ({@code code.function.name}): a call site is kept as {@code File.java:123}, which is
 * what a developer reads, but a file name alone does not say which class or method it is.
 * <p>
 * The walker notes the method of a call site as it finds it, only when it was made to
 * (the application traces). A line belongs to one method of one class, so a call site
 * seen from two (two classes of different packages in files of the same name) is
 * ambiguous and answers nothing rather than one of them. Kept for the JVM, not per
 * application context: the same line is the same method in every context, and the number
 * of lines an application issues statements from is small; past {@value #MAX_CALL_SITES}
 * of them, new ones are not noted.
 */
public final class CallSiteFunctions {

	static final int MAX_CALL_SITES = 10_000;

	private static final Function AMBIGUOUS = new Function("", "");

	private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

	private CallSiteFunctions() {
	}

	/**
	 * The method the walker saw at {@code callSite}; none if it never noted one there, or
	 * saw two different ones.
	 */
	public static @Nullable Function of(String callSite) {
		Function function = FUNCTIONS.get(callSite);
		return (function != AMBIGUOUS) ? function : null;
	}

	/**
	 * Notes the method of a call site: once per call site, then only a comparison with
	 * what was noted.
	 */
	static void note(String callSite, String className, String method) {
		Function known = FUNCTIONS.get(callSite);
		if (known == null) {
			if (FUNCTIONS.size() < MAX_CALL_SITES) {
				known = FUNCTIONS.putIfAbsent(callSite, new Function(className, method));
			}
			if (known == null) {
				return;
			}
		}
		if (known != AMBIGUOUS && !known.is(className, method)) {
			FUNCTIONS.put(callSite, AMBIGUOUS);
		}
	}

	/** Forgets every call site, so that a test starts from none. */
	static void forget() {
		FUNCTIONS.clear();
	}

	/**
	 * A method of a class.
	 *
	 * @param className the class's binary name, {@code com.example.Owners$Reader}
	 * @param method the method's name as the stack names it ({@code lambda$list$0} for
	 * the body of a lambda)
	 */
	public record Function(String className, String method) {

		/** {@code com.example.Owners.list}: the class's name and the method's. */
		public String qualifiedName() {
			return this.className + "." + this.method;
		}

		private boolean is(String className, String method) {
			return this.className.equals(className) && this.method.equals(method);
		}

	}

}
