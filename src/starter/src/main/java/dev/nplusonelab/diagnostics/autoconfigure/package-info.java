/**
 * The only package that wires: Spring Boot auto-configurations for every part, and the
 * {@code nplusone.*} properties ({@link NPlusOneProperties}).
 */
@NullMarked
package dev.nplusonelab.diagnostics.autoconfigure;

import org.jspecify.annotations.NullMarked;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
