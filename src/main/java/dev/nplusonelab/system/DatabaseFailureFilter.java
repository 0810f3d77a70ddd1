package dev.nplusonelab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database failure that escapes the handler, which {@link ErrorPages} never sees: in
 * naive mode the template itself runs queries ({@code Lazy.get()}), and when the pool has
 * no connection free in time, the failure surfaces while the view renders. The half
 * rendered page is dropped and the request answers 503 with the error page, as a failure
 * in the handler does, instead of a 500 or a truncated page.
 */
class DatabaseFailureFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseFailureFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			Throwable cause = DatabaseFailures.causeOf(ex);
			if (cause == null || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Database unavailable while rendering {}: {}", request.getRequestURI(), cause.getMessage());
			// Headers too: the view's text/html would stop Spring Boot from answering a
			// client that asked for JSON; the security headers come back on the error
			// dispatch.
			response.reset();
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

}
