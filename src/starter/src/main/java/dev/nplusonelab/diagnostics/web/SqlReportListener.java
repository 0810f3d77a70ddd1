package dev.nplusonelab.diagnostics.web;

import java.util.List;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;

/**
 * Told of each HTTP request's report once it is complete and its findings are known, for
 * an application that sends them somewhere of its own. Every bean of this type is told,
 * in order.
 * <p>
 * It runs on the request's thread, inside the request's observation when the application
 * observes requests (the report's filter runs inside Spring's observation filter): the
 * current span is the request's server span. It runs for every request, so it should be
 * cheap; what it throws is logged once and the response goes out all the same.
 */
@FunctionalInterface
public interface SqlReportListener {

	/**
	 * @param report the request's statements, count and route
	 * @param findings what the detector found in them, in the order it reports them
	 */
	void completed(RequestReport report, List<Finding> findings);

}
