package dev.nplusonelab.store.seed;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How big the generated bookstore is. One number scales every table together: 1.0 gives
 * about 20k books, 2k authors, 100k reviews, 30k orders and 90k order items; 50 gives a
 * million books.
 *
 * @param scale the factor applied to the row counts of scale 1.0
 */
@ConfigurationProperties("lab.seed")
record SeedScale(@DefaultValue("1.0") double scale) {

	SeedScale {
		if (!(scale > 0 && scale <= 100)) {
			throw new IllegalArgumentException("lab.seed.scale must be in (0, 100], not " + scale);
		}
	}

	/** Row counts by name, as the seed SQL binds them. */
	Map<String, Object> counts() {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("publishers", rows(50, 5));
		counts.put("editors", rows(150, 5));
		counts.put("authors", rows(2_000, 20));
		counts.put("books", rows(20_000, 200));
		counts.put("customers", rows(10_000, 100));
		counts.put("reviews", rows(100_000, 1_000));
		counts.put("orders", rows(30_000, 300));
		return counts;
	}

	private long rows(long atScaleOne, long atLeast) {
		return Math.max(atLeast, Math.round(atScaleOne * this.scale));
	}

}
