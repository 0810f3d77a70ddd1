package dev.nplusonelab.diagnostics;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

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
			"log.interval, 0s", "call-sites.sample-interval, 0s" })
	void theLastValueInRangeIsAccepted(String property, String value) {
		NPlusOneProperties properties = bind(property, value);

		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	@ParameterizedTest(name = "{0}={1} is refused")
	@CsvSource(delimiter = '|', value = {
			"latency|-1ms|nplusone.latency must be from 0 to nplusone.max-latency (PT0.05S), not PT-0.001S",
			"latency|51ms|nplusone.latency must be from 0 to nplusone.max-latency (PT0.05S), not PT0.051S",
			"max-injected|-1ms|nplusone.max-injected must not be negative, not PT-0.001S",
			"history.size|0|nplusone.history.size must be from 1 to 10000, not 0",
			"history.size|10001|nplusone.history.size must be from 1 to 10000, not 10001",
			"max-statements-per-request|0|nplusone.max-statements-per-request must be at least 1, not 0",
			"call-sites.max-depth|0|nplusone.call-sites.max-depth must be at least 1, not 0",
			"writes.unbatched-threshold|1|nplusone.writes.unbatched-threshold must be at least 2, not 1",
			"log.interval|-1s|nplusone.log.interval must not be negative, not PT-1S",
			"call-sites.sample-interval|-1ms|nplusone.call-sites.sample-interval must not be negative, not PT-0.001S" })
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

	/** The defaults the README's property table lists. */
	@Test
	void theDefaultsAreTheDocumentedOnes() {
		NPlusOneProperties properties = bind(Map.of());

		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLatency()).isZero();
		assertThat(properties.getMaxLatency()).isEqualTo(Duration.ofMillis(50));
		assertThat(properties.getMaxInjected()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.isRequestLatency()).isFalse();
		assertThat(properties.isStrict()).isFalse();
		assertThat(properties.isParameters()).isTrue();
		assertThat(properties.isExplain()).isTrue();
		assertThat(properties.getApplicationPackages()).isEmpty();
		assertThat(properties.getMaxStatementsPerRequest()).isEqualTo(2000);
		assertThat(properties.getCallSites().isEnabled()).isTrue();
		assertThat(properties.getCallSites().getSkip()).isEmpty();
		assertThat(properties.getCallSites().getMaxDepth()).isEqualTo(256);
		assertThat(properties.getResultSet().isBytes()).isFalse();
		assertThat(properties.getPanel().isEnabled()).isTrue();
		assertThat(properties.getPanel().isErrorPages()).isFalse();
		assertThat(properties.getPanel().getMaxSize()).isEqualTo(DataSize.ofMegabytes(2));
		assertThat(properties.getPanel().getExplainUrl()).isEmpty();
		assertThat(properties.getPanel().getHistoryUrl()).isEmpty();
		assertThat(properties.getHistory().isEnabled()).isTrue();
		assertThat(properties.getHistory().getSize()).isEqualTo(200);
		assertThat(properties.getHistory().getExclude()).isEmpty();
		assertThat(properties.getHistory().isQueryStrings()).isTrue();
		assertThat(properties.getWeb().getAllowedAddresses()).containsExactly("loopback");
		assertThat(properties.getWeb().getExclude()).containsExactly("/webjars/**", "/favicon.ico");
		assertThat(properties.getWrites().getUnbatchedThreshold()).isEqualTo(10);
		assertThat(properties.getCallSites().getSampleInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.getLog().getInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.getLog().getLevel()).isEqualTo(NPlusOneProperties.Log.Level.WARN);
	}

	/** Every property binds from its documented name. */
	@Test
	void everyPropertyBindsFromItsName() {
		Map<String, String> values = new java.util.HashMap<>();
		values.put("nplusone.enabled", "false");
		values.put("nplusone.latency", "20ms");
		values.put("nplusone.max-latency", "100ms");
		values.put("nplusone.max-injected", "3s");
		values.put("nplusone.request-latency", "true");
		values.put("nplusone.strict", "true");
		values.put("nplusone.parameters", "false");
		values.put("nplusone.explain", "false");
		values.put("nplusone.application-packages", "com.example.shop,com.example.admin");
		values.put("nplusone.max-statements-per-request", "50");
		values.put("nplusone.call-sites.enabled", "false");
		values.put("nplusone.call-sites.skip", "com.example.shop.QueryLayer");
		values.put("nplusone.call-sites.max-depth", "32");
		values.put("nplusone.call-sites.sample-interval", "250ms");
		values.put("nplusone.result-set.bytes", "true");
		values.put("nplusone.panel.enabled", "false");
		values.put("nplusone.panel.error-pages", "true");
		values.put("nplusone.panel.max-size", "512KB");
		values.put("nplusone.panel.explain-url", "/explain/{id}/{index}");
		values.put("nplusone.panel.history-url", "/history/{id}");
		values.put("nplusone.history.enabled", "false");
		values.put("nplusone.history.size", "20");
		values.put("nplusone.history.exclude", "/health/**");
		values.put("nplusone.history.query-strings", "false");
		values.put("nplusone.web.allowed-addresses", "10.0.0.0/8");
		values.put("nplusone.web.exclude", "/assets/**");
		values.put("nplusone.writes.unbatched-threshold", "3");
		values.put("nplusone.log.interval", "10s");
		values.put("nplusone.log.level", "debug");

		NPlusOneProperties properties = bind(values);

		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getLatency()).isEqualTo(Duration.ofMillis(20));
		assertThat(properties.getMaxLatency()).isEqualTo(Duration.ofMillis(100));
		assertThat(properties.getMaxInjected()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.isRequestLatency()).isTrue();
		assertThat(properties.isStrict()).isTrue();
		assertThat(properties.isParameters()).isFalse();
		assertThat(properties.isExplain()).isFalse();
		assertThat(properties.getApplicationPackages()).containsExactly("com.example.shop", "com.example.admin");
		assertThat(properties.getMaxStatementsPerRequest()).isEqualTo(50);
		assertThat(properties.getCallSites().isEnabled()).isFalse();
		assertThat(properties.getCallSites().getSkip()).containsExactly("com.example.shop.QueryLayer");
		assertThat(properties.getCallSites().getMaxDepth()).isEqualTo(32);
		assertThat(properties.getCallSites().getSampleInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(properties.getResultSet().isBytes()).isTrue();
		assertThat(properties.getPanel().isEnabled()).isFalse();
		assertThat(properties.getPanel().isErrorPages()).isTrue();
		assertThat(properties.getPanel().getMaxSize()).isEqualTo(DataSize.ofKilobytes(512));
		assertThat(properties.getPanel().getExplainUrl()).isEqualTo("/explain/{id}/{index}");
		assertThat(properties.getPanel().getHistoryUrl()).isEqualTo("/history/{id}");
		assertThat(properties.getHistory().isEnabled()).isFalse();
		assertThat(properties.getHistory().getSize()).isEqualTo(20);
		assertThat(properties.getHistory().getExclude()).containsExactly("/health/**");
		assertThat(properties.getHistory().isQueryStrings()).isFalse();
		assertThat(properties.getWeb().getAllowedAddresses()).containsExactly("10.0.0.0/8");
		assertThat(properties.getWeb().getExclude()).containsExactly("/assets/**");
		assertThat(properties.getWrites().getUnbatchedThreshold()).isEqualTo(3);
		assertThat(properties.getLog().getInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getLog().getLevel()).isEqualTo(NPlusOneProperties.Log.Level.DEBUG);
		assertThatNoException().isThrownBy(properties::afterPropertiesSet);
	}

	private static NPlusOneProperties bind(String property, String value) {
		return bind(Map.of("nplusone." + property, value));
	}

	private static NPlusOneProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("nplusone",
				NPlusOneProperties.class);
	}

}
