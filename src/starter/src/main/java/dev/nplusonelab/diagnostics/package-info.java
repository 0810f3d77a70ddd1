/**
 * N+1 diagnostics for Spring Boot: datasource-proxy around every DataSource, a report per
 * HTTP request that includes view rendering, a detector that groups statements by
 * fingerprint and call site, the {@code app.sql.*} metrics, a panel injected into HTML
 * pages, a request history and EXPLAIN. Everything is switched on by auto-configuration
 * and tuned with {@code nplusone.*} properties; see {@link NPlusOneProperties}.
 */
@NullMarked
package dev.nplusonelab.diagnostics;

import org.jspecify.annotations.NullMarked;
