/**
 * The teaching around each page: what the problem is, the naive and the optimized code
 * (read from this application's own source), and the equivalents in Django and JPA.
 */
@NullMarked
package dev.nplusonelab.guide;

import org.jspecify.annotations.NullMarked;
