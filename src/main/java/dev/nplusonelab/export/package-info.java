/**
 * {@code /export/books.csv}: every book, streamed in keyset chunks of fetch plans, so
 * memory stays bounded whatever the size of the bookstore.
 */
@NullMarked
package dev.nplusonelab.export;

import org.jspecify.annotations.NullMarked;
