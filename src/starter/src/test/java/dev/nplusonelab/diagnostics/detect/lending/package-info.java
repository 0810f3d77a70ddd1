/**
 * JPA entities of a lending library, for the cases the clinic's entities do not show: two
 * entities that map one table ({@code Member} and {@code Librarian}, both
 * {@code person}), referred to by two associations of one loan, and an entity whose id
 * column is not named {@code id} ({@code Edition.isbn}).
 */
package dev.nplusonelab.diagnostics.detect.lending;
