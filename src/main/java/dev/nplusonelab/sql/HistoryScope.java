package dev.nplusonelab.sql;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which completed requests the history keeps. The lab's own diagnostics (its history
 * pages, EXPLAIN, Actuator) would push out the very pages they explain, and static files
 * run no SQL: neither is kept. The metrics count them all the same.
 */
final class HistoryScope {

	/**
	 * Set on a request whose handler serves static resources; see
	 * {@link ReportPhaseInterceptor}.
	 */
	static final String STATIC_RESOURCE_ATTRIBUTE = HistoryScope.class.getName() + ".static";

	private final List<PathPattern> excluded;

	/**
	 * @param excluded path patterns ({@code /sql/**}) matched against the path within the
	 * application
	 */
	HistoryScope(List<String> excluded) {
		this.excluded = excluded.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	boolean records(HttpServletRequest request) {
		if (Boolean.TRUE.equals(request.getAttribute(STATIC_RESOURCE_ATTRIBUTE))) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.excluded.stream().noneMatch((pattern) -> pattern.matches(path));
	}

}
