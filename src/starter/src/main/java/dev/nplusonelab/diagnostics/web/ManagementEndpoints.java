package dev.nplusonelab.diagnostics.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;

/**
 * Where the application's management endpoints are when they share its port: under
 * {@code management.endpoints.web.base-path}, {@code /actuator} unless moved. The history
 * never keeps their requests: reading the history would otherwise push out what it
 * explains. On a port of their own ({@code management.server.port}), Spring Boot serves
 * them from a child context whose server has none of the application's filters, so they
 * are never seen at all.
 */
final class ManagementEndpoints {

	private final String basePath;

	ManagementEndpoints(Environment environment) {
		String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator").strip();
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
	}

	/** Whether a request is one for a management endpoint. */
	boolean serves(HttpServletRequest request) {
		if (this.basePath.isEmpty()) {
			return false;
		}
		String path = HistoryScope.pathWithinApplication(request);
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

}
