package dev.nplusonelab.diagnostics;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.nplusonelab.diagnostics.autoconfigure.NPlusOneAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Properties out of range stop the application at start-up with the property, its range
 * and the value; the last value in range is accepted, so every bound is pinned from both
 * sides.
 */
class NPlusOnePropertiesTests {

	@ParameterizedTest(name = "{0}={1} is accepted")
	@CsvSource({ "latency, 0ms", "latency, 50ms", "max-injected, 0ms", "history.size, 1", "history.size, 10000",
			"max-statements-per-request, 1", "call-sites.max-depth, 1", "writes.unbatched-threshold, 2",
			"log.interval, 0s" })
	void theLastValueInRangeIsAccepted(String property, String value) {
		NPlusOneProperties properties = bind(property, value);

		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	@ParameterizedTest(name = "{0}={1} is refused")
	@CsvSource(delimiter = '|',
			value = { "latency|-1ms|nplusone.latency must be from 0 to nplusone.max-latency (PT0.05S), not PT-0.001S",
					"latency|51ms|nplusone.latency must be from 0 to nplusone.max-latency (PT0.05S), not PT0.051S",
					"max-injected|-1ms|nplusone.max-injected must not be negative, not PT-0.001S",
					"history.size|0|nplusone.history.size must be from 1 to 10000, not 0",
					"history.size|10001|nplusone.history.size must be from 1 to 10000, not 10001",
					"max-statements-per-request|0|nplusone.max-statements-per-request must be at least 1, not 0",
					"call-sites.max-depth|0|nplusone.call-sites.max-depth must be at least 1, not 0",
					"writes.unbatched-threshold|1|nplusone.writes.unbatched-threshold must be at least 2, not 1",
					"log.interval|-1s|nplusone.log.interval must not be negative, not PT-1S" })
	void theFirstValueOutOfRangeIsRefusedWithItsRange(String property, String value, String message) {
		NPlusOneProperties properties = bind(property, value);

		assertThatIllegalArgumentException().isThrownBy(properties::afterPropertiesSet).withMessage(message);
	}

	@Test
	void aHigherMaxLatencyAdmitsAHigherLatency() {
		NPlusOneProperties properties = bind(Map.of("nplusone.latency", "200ms", "nplusone.max-latency", "200ms"));

		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	@Test
	void anApplicationWithAPropertyOutOfRangeDoesNotStart() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NPlusOneAutoConfiguration.class))
			.withPropertyValues("nplusone.history.size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("nplusone.history.size must be from 1 to 10000, not 0"));
	}

	private static NPlusOneProperties bind(String property, String value) {
		return bind(Map.of("nplusone." + property, value));
	}

	private static NPlusOneProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("nplusone",
				NPlusOneProperties.class);
	}

}
