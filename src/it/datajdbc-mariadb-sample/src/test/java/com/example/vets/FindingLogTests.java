package com.example.vets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log under load: a page that shows the same N+1 on every request writes its WARN
 * block once per {@code nplusone.log.interval} (a minute by default), not once per
 * request. A context of its own, so that no earlier test has logged the finding already.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MariaDbConfiguration.class)
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class FindingLogTests {

	private static final int REQUESTS = 5;

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aFindingEveryRequestShowsIsLoggedOnceWithinTheInterval(CapturedOutput output) {
		for (int i = 0; i < REQUESTS; i++) {
			assertThat(this.http.report(this.http.get("/vets"))).extractingPath("$.summary.potentialNPlusOne")
				.isEqualTo(1);
		}

		String line = SampleHttp.line("VetController.java", "this.vets.findAll()");
		// A potential N+1 is a finding, and no broken rule unless strict mode or a rule
		// scope asks
		assertThat(occurrences(output.getOut(), "GET /vets: 6 statements, 1 finding, 0 broken rules")).isEqualTo(1);
		assertThat(occurrences(output.getOut(), "1. potential N+1: 4 statements from " + line)).isEqualTo(1);
		assertThat(occurrences(output.getOut(), ". Fix: " + VetClinicPagesTests.VETS_FIX + "\n")).isEqualTo(1);
		assertThat(output.getOut()).doesNotContain("! N_PLUS_ONE");
	}

	private static int occurrences(String text, String fragment) {
		Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
