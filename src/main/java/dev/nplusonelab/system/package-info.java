/**
 * The web plumbing every page shares: the mode and paging parameters, error pages,
 * security headers, database failure handling, the interceptors and links that keep a
 * visitor's choices, and the records digest that both modes must agree on.
 */
@NullMarked
package dev.nplusonelab.system;

import org.jspecify.annotations.NullMarked;
