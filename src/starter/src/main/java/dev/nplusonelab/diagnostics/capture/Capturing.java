package dev.nplusonelab.diagnostics.capture;

import java.util.List;

import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;

/**
 * The parts of the capture an application context is wired with, made here so that what
 * they are made of stays inside this package: the post-processor that wraps every
 * DataSource once, the listener that records each execution into the report of its
 * thread, the result-set proxy that counts rows, and the task decorator that hands a
 * request's report to its tasks.
 */
public final class Capturing {

	private Capturing() {
	}

	/**
	 * Wraps every DataSource bean with datasource-proxy, exactly once.
	 * @param listener the listener {@link #listener} made
	 * @param resultSets the result-set proxy to count rows with
	 */
	public static BeanPostProcessor dataSourcePostProcessor(ObjectProvider<QueryExecutionListener> listener,
			ObjectProvider<ResultSetProxyLogicFactory> resultSets) {
		return new CountingDataSourcePostProcessor(listener, resultSets);
	}

	/**
	 * Records every execution into the report of the thread that ran it, with the first
	 * frame of application code as its call site.
	 * @param applicationPackages the packages of the application's code; empty: any frame
	 * outside the frameworks
	 * @param skipped class name prefixes of application code that is never a call site
	 * @param maxDepth the most frames examined
	 */
	public static QueryExecutionListener listener(SqlCapture capture, List<String> applicationPackages,
			List<String> skipped, int maxDepth) {
		return listener(capture, applicationPackages, skipped, maxDepth, false);
	}

	/**
	 * The same listener, which, with {@code functions}, also notes the method of each
	 * call site ({@link CallSiteFunctions}) for the trace.
	 */
	public static QueryExecutionListener listener(SqlCapture capture, List<String> applicationPackages,
			List<String> skipped, int maxDepth, boolean functions) {
		return new StatementListener(capture, new CallSiteWalker(applicationPackages, skipped, maxDepth, functions));
	}

	/** The same listener without call sites: the stack is never read. */
	public static QueryExecutionListener listenerWithoutCallSites(SqlCapture capture) {
		return new StatementListener(capture, null);
	}

	/**
	 * Counts rows (and, with {@code bytes}, estimates the bytes of the values) as the
	 * application reads results.
	 */
	public static ResultSetProxyLogicFactory resultSets(SqlCapture capture, boolean bytes) {
		return new CountingResultSets(capture, bytes);
	}

	/** Hands the report of the submitting thread to the tasks it submits. */
	public static TaskDecorator taskDecorator(SqlCapture capture) {
		return new ReportTaskDecorator(capture);
	}

}
