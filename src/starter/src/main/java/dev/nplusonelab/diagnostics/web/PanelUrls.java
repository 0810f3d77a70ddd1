package dev.nplusonelab.diagnostics.web;

import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the application does to every URL its pages write, applied to the panel's links
 * too: Spring MVC's {@code RequestDataValueProcessor}, when it has one. A bean of this
 * type replaces it.
 */
@FunctionalInterface
public interface PanelUrls extends BiFunction<HttpServletRequest, String, String> {

}
