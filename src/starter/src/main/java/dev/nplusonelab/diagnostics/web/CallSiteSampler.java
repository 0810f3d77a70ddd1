package dev.nplusonelab.diagnostics.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which unwatched requests have their call sites found: the first of each route in every
 * {@code nplusone.call-sites.sample-interval}. Finding a line walks the stack for every
 * statement, which on a deep Spring MVC stack costs more than the rest of the diagnostics
 * together; a busy route pays for it once per interval, a rare route on every request,
 * and every route's findings have their lines at least that often.
 */
final class CallSiteSampler {

	/**
	 * Routes remembered; past it, all are forgotten and each is sampled again at once, so
	 * that memory stays bounded whatever the application serves.
	 */
	static final int REMEMBERED = 10_000;

	private final long intervalNanos;

	private final LongSupplier clock;

	/** When each route last had a request sampled. */
	private final Map<String, Long> sampled = new ConcurrentHashMap<>();

	CallSiteSampler(Duration interval) {
		this(interval, System::nanoTime);
	}

	CallSiteSampler(Duration interval, LongSupplier clock) {
		this.intervalNanos = interval.toNanos();
		this.clock = clock;
	}

	/** Whether the request now starting on {@code route} has its call sites found. */
	boolean sample(String route) {
		long now = this.clock.getAsLong();
		if (this.sampled.size() > REMEMBERED) {
			this.sampled.clear();
		}
		boolean[] due = new boolean[1];
		this.sampled.compute(route, (key, last) -> {
			if (last == null || now - last >= this.intervalNanos) {
				due[0] = true;
				return now;
			}
			return last;
		});
		return due[0];
	}

}
