/**
 * The bookstore schema as code: Spring Data JDBC aggregates and repositories, which the
 * naive pages use the way a first version would, and the relations
 * ({@link dev.nplusonelab.store.Bookstore}) that the optimized pages hand to the query
 * layer.
 */
@NullMarked
package dev.nplusonelab.store;

import org.jspecify.annotations.NullMarked;
