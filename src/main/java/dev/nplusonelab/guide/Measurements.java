package dev.nplusonelab.guide;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.nplusonelab.system.PageProbe;

/**
 * The statement counts of each lesson's page in both modes, measured by loading the page
 * as a visitor would, once per run of the application: the bookstore does not change
 * while it runs, so neither do the counts.
 */
@Component
class Measurements {

	private final PageProbe probe;

	private final Map<String, Measured> measured = new ConcurrentHashMap<>();

	Measurements(PageProbe probe) {
		this.probe = probe;
	}

	/** Both modes of the page at {@code href}, measured on first use. */
	Measured of(Technique technique) {
		return this.measured.computeIfAbsent(technique.href(), (href) -> {
			String separator = href.contains("?") ? "&" : "?";
			return new Measured(count(href + separator + "mode=naive"), count(href + separator + "mode=optimized"),
					Instant.now());
		});
	}

	private @Nullable Integer count(String href) {
		try {
			PageProbe.Page page = this.probe.get(href);
			return page.isOk() ? page.statements() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What a page ran in each mode; null where it could not be measured.
	 *
	 * @param naive statements in naive mode
	 * @param optimized statements in optimized mode
	 * @param at when
	 */
	record Measured(@Nullable Integer naive, @Nullable Integer optimized, Instant at) {
	}

}
