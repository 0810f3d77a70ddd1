/**
 * Evidence that both modes show the same data: a page loaded naive and optimized, side by
 * side, with the digest of the records each rendered.
 */
@NullMarked
package dev.nplusonelab.compare;

import org.jspecify.annotations.NullMarked;
