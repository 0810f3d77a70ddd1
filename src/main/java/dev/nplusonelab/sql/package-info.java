/**
 * Statement counting: datasource-proxy around the DataSource, a report per HTTP request
 * that includes view rendering, and the {@code app.sql.*} metrics.
 */
@NullMarked
package dev.nplusonelab.sql;

import org.jspecify.annotations.NullMarked;
