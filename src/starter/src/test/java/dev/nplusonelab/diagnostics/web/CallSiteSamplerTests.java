package dev.nplusonelab.diagnostics.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route's unwatched requests have their call sites found once per interval, each route
 * on its own clock, and the routes remembered stay bounded.
 */
class CallSiteSamplerTests {

	private final AtomicLong now = new AtomicLong(1_000);

	private final CallSiteSampler sampler = new CallSiteSampler(Duration.ofNanos(100), this.now::get);

	@Test
	void theFirstRequestOfARouteIsSampledAndTheNextOnesOnlyOnceTheIntervalHasPassed() {
		assertThat(this.sampler.sample("GET /owners")).isTrue();
		assertThat(this.sampler.sample("GET /owners")).isFalse();
		this.now.addAndGet(99);
		assertThat(this.sampler.sample("GET /owners")).isFalse();
		this.now.addAndGet(1);
		assertThat(this.sampler.sample("GET /owners")).isTrue();
		assertThat(this.sampler.sample("GET /owners")).isFalse();
	}

	/** The interval runs from the last sampled request, not from the last request. */
	@Test
	void requestsThatWereNotSampledDoNotPutTheNextSampleOff() {
		assertThat(this.sampler.sample("GET /owners")).isTrue();
		for (int i = 0; i < 9; i++) {
			this.now.addAndGet(10);
			assertThat(this.sampler.sample("GET /owners")).isFalse();
		}
		this.now.addAndGet(10);
		assertThat(this.sampler.sample("GET /owners")).isTrue();
	}

	@Test
	void aBusyRouteDoesNotTakeTheSampleOfAnother() {
		assertThat(this.sampler.sample("GET /owners")).isTrue();
		assertThat(this.sampler.sample("GET /owners")).isFalse();
		assertThat(this.sampler.sample("GET /vets")).isTrue();
		assertThat(this.sampler.sample("POST /owners")).isTrue();
		assertThat(this.sampler.sample("GET /vets")).isFalse();
	}

	/**
	 * Past {@value CallSiteSampler#REMEMBERED} routes it forgets them all: a route seen
	 * before is sampled again at once, and memory stays bounded.
	 */
	@Test
	void pastTheRoutesItRemembersItForgetsThemAll() {
		assertThat(this.sampler.sample("GET /owners")).isTrue();
		for (int i = 1; i < CallSiteSampler.REMEMBERED; i++) {
			assertThat(this.sampler.sample("GET /route/" + i)).isTrue();
		}
		assertThat(this.sampler.sample("GET /owners")).as("still remembered").isFalse();
		assertThat(this.sampler.sample("GET /one-too-many")).isTrue();
		assertThat(this.sampler.sample("GET /owners")).as("forgotten").isTrue();
	}

}
