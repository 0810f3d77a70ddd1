package dev.nplusonelab.diagnostics.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Path patterns matched against the path within the application: which requests the
 * history does not keep ({@code nplusone.history.exclude} and the management endpoints:
 * diagnostics would push out the very pages they explain, and static files run no SQL),
 * and which the diagnostics do not look at at all ({@code nplusone.web.exclude}).
 */
final class HistoryScope {

	/**
	 * Set on a request whose handler serves static resources; see
	 * {@link ReportPhaseInterceptor}.
	 */
	static final String STATIC_RESOURCE_ATTRIBUTE = HistoryScope.class.getName() + ".static";

	private final List<PathPattern> excluded;

	private final @Nullable ManagementEndpoints management;

	HistoryScope(List<String> excluded) {
		this(excluded, null);
	}

	/**
	 * @param management the management endpoints, which the history leaves out too, if it
	 * is the history's scope
	 */
	HistoryScope(List<String> excluded, @Nullable ManagementEndpoints management) {
		this.management = management;
		this.excluded = excluded.stream()
			.map(String::strip)
			.filter((p) -> !p.isEmpty())
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	/** Whether the history keeps this completed request. */
	boolean records(HttpServletRequest request) {
		return !Boolean.TRUE.equals(request.getAttribute(STATIC_RESOURCE_ATTRIBUTE)) && recordsPath(request);
	}

	/**
	 * Whether the history keeps requests for this path, whichever handler serves them:
	 * known before the handler is.
	 */
	boolean recordsPath(HttpServletRequest request) {
		return !matches(request) && (this.management == null || !this.management.serves(request));
	}

	/** Whether the request's path matches one of the patterns. */
	boolean matches(HttpServletRequest request) {
		if (this.excluded.isEmpty()) {
			return false;
		}
		PathContainer path = PathContainer.parsePath(pathWithinApplication(request));
		for (PathPattern pattern : this.excluded) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	static String pathWithinApplication(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
