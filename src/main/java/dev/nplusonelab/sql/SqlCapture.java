package dev.nplusonelab.sql;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Binds a {@link RequestReport} to the thread that serves a request, so the statement
 * listener knows where each statement belongs. Statements on a thread with no report
 * (Flyway, the seeder, scheduled work) belong to no request and are not recorded.
 */
@Component
public class SqlCapture {

	private final ThreadLocal<RequestReport> current = new ThreadLocal<>();

	private final AtomicLong ids = new AtomicLong();

	RequestReport begin(String method, String path) {
		return begin(method, path, Duration.ZERO, Duration.ZERO);
	}

	/**
	 * Opens the report of a request on this thread.
	 * @param latency the delay before each statement
	 * @param maxInjected the most delay the request is given in all
	 */
	RequestReport begin(String method, String path, Duration latency, Duration maxInjected) {
		RequestReport report = new RequestReport(this.ids.incrementAndGet(), method, path, latency, maxInjected);
		this.current.set(report);
		return report;
	}

	void end() {
		this.current.remove();
	}

	/**
	 * Sets the delay before each further statement of the current request, to emulate a
	 * database across a network; does nothing outside a request.
	 */
	public void injectLatency(Duration latency) {
		RequestReport report = this.current.get();
		if (report != null) {
			report.latency(latency);
		}
	}

	/** The report of the request this thread is serving, if any. */
	public @Nullable RequestReport current() {
		return this.current.get();
	}

	/**
	 * Runs a block with its own report and returns it: the statements the block ran, and
	 * only those. The report of an enclosing request, if any, is set aside meanwhile.
	 */
	public RequestReport capture(Runnable block) {
		RequestReport enclosing = this.current.get();
		RequestReport report = begin("BLOCK", "");
		try {
			block.run();
		}
		finally {
			if (enclosing != null) {
				this.current.set(enclosing);
			}
			else {
				end();
			}
		}
		return report;
	}

}
