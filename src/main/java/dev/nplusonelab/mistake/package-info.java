/**
 * The mistakes gallery ({@code /mistakes}): code that looks optimized, or nearly, and
 * still costs a statement per row or reads far more than the page shows. Each page runs
 * the wrong and the right version and fills the same records with both.
 */
@NullMarked
package dev.nplusonelab.mistake;

import org.jspecify.annotations.NullMarked;
