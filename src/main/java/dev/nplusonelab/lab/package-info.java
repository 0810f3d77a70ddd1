/**
 * The performance lab: the same two views (a page of books, a page of authors with all
 * their books) loaded by several strategies over one database, with statements, rows,
 * bytes and time measured per strategy. {@code /lab} runs a bounded matrix and plots it;
 * the benchmark profile ({@code src/bench}) adds Hibernate, jOOQ and hand-written JDBC on
 * top of the same strategies.
 */
@NullMarked
package dev.nplusonelab.lab;

import org.jspecify.annotations.NullMarked;
