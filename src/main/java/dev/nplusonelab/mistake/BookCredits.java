package dev.nplusonelab.mistake;

/**
 * A book with its author, its category and how many reviews it has, on the
 * lookups-per-row page, the same record in both modes.
 */
record BookCredits(long id, String title, String author, String category, long reviews) {
}
