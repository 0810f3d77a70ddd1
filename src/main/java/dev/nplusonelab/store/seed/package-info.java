/**
 * How the bookstore comes to be: where its database runs (an embedded PostgreSQL when no
 * URL is set), Flyway's migration followed by a deterministic, set-based seed, and the
 * start-up report of what the data set holds. It depends on nothing of the application,
 * and nothing of the application depends on it.
 */
@NullMarked
package dev.nplusonelab.store.seed;

import org.jspecify.annotations.NullMarked;
