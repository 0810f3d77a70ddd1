package dev.nplusonelab.diagnostics.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.nplusonelab.diagnostics.NPlusOneProperties;

/**
 * Who is shown what a request ran: the panel, the {@code X-Sql-*} headers, bound values,
 * the history and EXPLAIN go only to requests from {@code nplusone.web.allowed-addresses}
 * (loopback by default), decided by the socket's address. A forwarded header counts only
 * where the application configured forwarded-header handling, which rewrites
 * {@code getRemoteAddr()}. Metrics are recorded for everyone.
 */
public class DiagnosticsAccess {

	private final AllowedAddresses allowed;

	public DiagnosticsAccess(NPlusOneProperties properties) {
		this.allowed = AllowedAddresses.parse(properties.getWeb().getAllowedAddresses());
	}

	/** Whether this request may see the diagnostics. */
	public boolean allows(HttpServletRequest request) {
		return this.allowed.allows(request.getRemoteAddr());
	}

}
