package dev.nplusonelab.diagnostics.tracing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.CallSiteFunctions;
import dev.nplusonelab.diagnostics.capture.NotedFunctions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call site read as code: the file and line of {@code File.java:123}, the method if the
 * capture noted one, and nothing for what stands in for a call site.
 */
class CodeLocationTests {

	@AfterEach
	void forget() {
		NotedFunctions.forget();
	}

	@Test
	void aCallSiteIsAFileAndALine() {
		assertThat(CodeLocation.of("OwnerController.java:118"))
			.isEqualTo(new CodeLocation("OwnerController.java", 118, null));
		assertThat(CodeLocation.of("A.java:7")).isEqualTo(new CodeLocation("A.java", 7, null));
		assertThat(CodeLocation.of("A.java:90")).isEqualTo(new CodeLocation("A.java", 90, null));
		assertThat(CodeLocation.of("A.java:123456789")).isEqualTo(new CodeLocation("A.java", 123456789, null));
	}

	@Test
	void theMethodNotedAtTheCallSiteComesWithIt() {
		NotedFunctions.note("OwnerController.java:118", "com.example.OwnerController", "show");

		assertThat(CodeLocation.of("OwnerController.java:118").function())
			.isEqualTo(new CallSiteFunctions.Function("com.example.OwnerController", "show"));
	}

	@Test
	void whatStandsInForACallSiteIsNone() {
		assertThat(CodeLocation.of("(no application frame)")).isNull();
		assertThat(CodeLocation.of("(no application frame; nearest: com.acme.Lib.run(Lib.java:3))")).isNull();
		assertThat(CodeLocation.of("(call sites off)")).isNull();
		assertThat(CodeLocation.of("(not sampled: nplusone.call-sites.sample-interval)")).isNull();
	}

	@Test
	void aCallSiteWithoutALineNumberIsNone() {
		assertThat(CodeLocation.of("Owners.java")).isNull();
		assertThat(CodeLocation.of("Owners.java:")).isNull();
		assertThat(CodeLocation.of(":12")).isNull();
		assertThat(CodeLocation.of("Owners.java:1a")).isNull();
		assertThat(CodeLocation.of("Owners.java:-1")).isNull();
		assertThat(CodeLocation.of("Owners.java:/")).isNull();
		assertThat(CodeLocation.of("Owners.java:1234567890")).isNull();
	}

}
