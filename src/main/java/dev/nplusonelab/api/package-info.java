/**
 * The JSON API ({@code /api/books}, {@code /api/books/{id}}, {@code /api/authors}) and
 * the serializer mistake: a response whose nested values are loaded one by one while
 * Jackson writes it, after the controller has returned. Errors are RFC 9457 problem
 * details, never an HTML page.
 */
@NullMarked
package dev.nplusonelab.api;

import org.jspecify.annotations.NullMarked;
