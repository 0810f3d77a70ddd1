package dev.nplusonelab.guide;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers a lesson writes with thousands separated, as {@code String.format} would.
 */
class CostsTests {

	@Test
	void groupedReadsAsTheFormatterWritesIt() {
		Random random = new Random(11);
		long[] fixed = { 0, 1, 12, 999, 1000, 3063, 99999, 100000, 1234567, -1, -999, -1000, -1234567, Long.MAX_VALUE,
				Long.MIN_VALUE };
		for (long value : fixed) {
			assertThat(Costs.grouped(value)).isEqualTo(String.format(Locale.ROOT, "%,d", value));
		}
		for (int i = 0; i < 5000; i++) {
			long value = random.nextLong() >> random.nextInt(64);
			assertThat(Costs.grouped(value)).as("%d", value).isEqualTo(String.format(Locale.ROOT, "%,d", value));
		}
	}

}
