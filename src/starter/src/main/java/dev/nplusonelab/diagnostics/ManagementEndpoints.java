package dev.nplusonelab.diagnostics;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Where the application's management endpoints are, wherever it put them: under
 * {@code management.endpoints.web.base-path} ({@code /actuator} unless moved, on the
 * application's own port), or on a port of their own ({@code management.server.port}).
 * The history never keeps their requests: reading the history would otherwise push out
 * what it explains.
 */
final class ManagementEndpoints {

	private final Environment environment;

	private final String basePath;

	/**
	 * The management port once the servers have started, when it is not the
	 * application's; 0 while it is not known.
	 */
	private volatile int separatePort = -1;

	ManagementEndpoints(Environment environment) {
		this.environment = environment;
		String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator").strip();
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
	}

	/** Whether a request is one for a management endpoint. */
	boolean serves(HttpServletRequest request) {
		int port = separatePort();
		if (port > 0) {
			return request.getLocalPort() == port;
		}
		String path = HistoryScope.pathWithinApplication(request);
		return this.basePath.isEmpty() ? false : path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

	/**
	 * The management server's port, read from the property Spring Boot sets once it
	 * started ({@code local.management.port}), if it is not the application's.
	 */
	private int separatePort() {
		int port = this.separatePort;
		if (port < 0) {
			@Nullable Integer management = this.environment.getProperty("local.management.port", Integer.class);
			@Nullable Integer server = this.environment.getProperty("local.server.port", Integer.class);
			if (management == null || server == null) {
				return 0;
			}
			port = management.equals(server) ? 0 : management;
			this.separatePort = port;
		}
		return port;
	}

}
