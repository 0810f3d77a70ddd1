package dev.nplusonelab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} renders the error of another request; asked for directly it has no error
 * to show, and Spring Boot would answer 500. A browser that asks gets the 404 page.
 */
class NoDirectErrorRequests extends OncePerRequestFilter {

	static final String ERROR_PATH = "/error";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded, normalised and without ";..." path parameters, as Spring matches it:
		// "/%65rror" and "/error;x" are "/error" too. The raw request URI is not.
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return !(path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/") || path.startsWith(ERROR_PATH + "."));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
