/**
 * The author pages: the list ({@code /authors}), with per-author aggregates, a subquery
 * and a limited prefetch, and one author with all their books and tags
 * ({@code /authors/{id}}).
 */
@NullMarked
package dev.nplusonelab.author;

import org.jspecify.annotations.NullMarked;
