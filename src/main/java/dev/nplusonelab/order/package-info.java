/**
 * The order list ({@code /orders}): each order with its customer, only its active
 * (non-cancelled) items with their book titles, and their count. It teaches a filtered
 * prefetch into a named attribute, with a join inside the prefetch.
 */
@NullMarked
package dev.nplusonelab.order;

import org.jspecify.annotations.NullMarked;
