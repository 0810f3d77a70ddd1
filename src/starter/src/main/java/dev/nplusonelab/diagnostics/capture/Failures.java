package dev.nplusonelab.diagnostics.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The starter's own, not an API for applications. The diagnostics never break the
 * application they watch: a failure inside them (a listener, the detector, the panel, the
 * metrics, an application's extension) is logged once per kind, with its stack trace, and
 * the request goes on without that part.
 */
public final class Failures {

	private static final Log logger = LogFactory.getLog(Failures.class);

	private static final Map<String, Boolean> logged = new ConcurrentHashMap<>();

	private Failures() {
	}

	/** Runs {@code work}; a failure is logged once for {@code kind} and swallowed. */
	public static void guard(String kind, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			failed(kind, ex);
		}
	}

	/** Asks {@code work}; on a failure, logged once for {@code kind}, the fallback. */
	public static <T> T guard(String kind, Supplier<T> work, T fallback) {
		try {
			return work.get();
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			failed(kind, ex);
			return fallback;
		}
	}

	public static void failed(String kind, Throwable ex) {
		if (logged.putIfAbsent(kind, Boolean.TRUE) == null) {
			logger.warn("N+1 diagnostics: " + kind + " failed and is skipped; the request goes on. "
					+ "Further failures of this kind are not logged.", ex);
		}
	}

}
