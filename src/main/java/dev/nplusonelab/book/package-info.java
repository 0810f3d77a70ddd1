/**
 * The book pages: the list ({@code /books}) with every kind of relation a list shows.
 */
@NullMarked
package dev.nplusonelab.book;

import org.jspecify.annotations.NullMarked;
