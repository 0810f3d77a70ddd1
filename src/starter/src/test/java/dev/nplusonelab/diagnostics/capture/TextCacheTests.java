package dev.nplusonelab.diagnostics.capture;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read from a statement's text is read once per text, up to a bound: texts with
 * literals in them could be endless, and past the bound they are read each time instead
 * of kept.
 */
class TextCacheTests {

	private final Map<String, Integer> reads = new HashMap<>();

	private final TextCache<Integer> cache = new TextCache<>((text) -> {
		this.reads.merge(text, 1, Integer::sum);
		return text.length();
	});

	@Test
	void aTextIsReadOnceWhileTheCacheHasRoom() {
		assertThat(this.cache.get("SELECT 1")).isEqualTo(8);
		assertThat(this.cache.get("SELECT 1")).isEqualTo(8);

		assertThat(this.reads).containsEntry("SELECT 1", 1);
	}

	/**
	 * The first {@code LIMIT} texts are kept and the next is not: a cache that grew one
	 * past its bound, or without one, would read it once.
	 */
	@Test
	void pastItsBoundTextsAreReadEachTimeAndTheFirstOnesStayKept() {
		for (int i = 0; i < TextCache.LIMIT; i++) {
			this.cache.get("SELECT " + i);
		}
		String extra = "SELECT " + TextCache.LIMIT;

		assertThat(this.cache.get(extra)).isEqualTo(extra.length());
		assertThat(this.cache.get(extra)).isEqualTo(extra.length());
		this.cache.get("SELECT 0");
		this.cache.get("SELECT " + (TextCache.LIMIT - 1));

		assertThat(this.reads).containsEntry(extra, 2)
			.containsEntry("SELECT 0", 1)
			.containsEntry("SELECT " + (TextCache.LIMIT - 1), 1);
	}

}
