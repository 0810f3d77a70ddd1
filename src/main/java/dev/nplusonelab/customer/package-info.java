/**
 * The customer list ({@code /customers}), whose order counts, totals and latest orders
 * are aggregates in SQL, and one customer ({@code /customers/{id}}) with three lists of
 * their orders: all of them, those of the last 30 days and those over 100. It teaches
 * several prefetches of one relation, each filtered and ordered on its own, into its own
 * attribute.
 */
@NullMarked
package dev.nplusonelab.customer;

import org.jspecify.annotations.NullMarked;
