package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.NPlusOneProperties.Log.Level;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log stays quiet under load: a finding is logged when first seen, then at most once
 * per interval with the requests that showed it since, and a broken rule points to its
 * finding instead of repeating it.
 */
class FindingLogTests {

	private static final String OWNERS = "SELECT id FROM owner";

	private static final String PETS = "SELECT name FROM pet WHERE owner_id = ?";

	private final List<String> written = new ArrayList<>();

	private long now = 0;

	private final FindingLog log = new FindingLog(Duration.ofMinutes(1), Level.WARN, () -> this.now, recording());

	private final NPlusOneDetector detector = new NPlusOneDetector();

	@Test
	void aFindingIsLoggedWhenFirstSeenThenOncePerIntervalWithTheRequestsThatShowedIt() {
		request("OwnerList.java:12");
		for (int i = 0; i < 40; i++) {
			this.now += TimeUnit.SECONDS.toNanos(1);
			request("OwnerList.java:12");
		}
		assertThat(this.written).hasSize(1);

		this.now += TimeUnit.SECONDS.toNanos(20);
		request("OwnerList.java:12");

		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(0)).doesNotContain("requests since");
		assertThat(this.written.get(1)).endsWith("[shown by 41 requests since it was last logged]");
	}

	@Test
	void anotherLineIsAnotherFindingAndIsLoggedAtOnce() {
		request("OwnerList.java:12");
		request("OwnerList.java:30");

		assertThat(this.written).hasSize(2);
	}

	@Test
	void aBrokenRulePointsToItsFindingAndNothingIsWrittenTwiceInABlock() {
		RequestReport report = report();
		List<Finding> findings = this.detector.findings(statements("OwnerList.java:12"));
		List<Violation> violations = List.of(new Violation(Violation.Rule.N_PLUS_ONE,
				"finding 1, the potential N+1 from OwnerList.java:12", findings.get(0)));

		this.log.log(report, findings, violations);

		assertThat(this.written).singleElement().satisfies((block) -> {
			assertThat(block).startsWith("GET /owners: 4 statements, 1 finding, 1 broken rule\n  1. potential N+1: ")
				.endsWith("\n  ! N_PLUS_ONE: finding 1, the potential N+1 from OwnerList.java:12");
			assertThat(block.split("potential N\\+1: 3 statements", -1)).hasSize(2);
		});
	}

	/**
	 * Large values of another column of the same statement are another finding (mutant:
	 * the column left out of what makes a finding the same).
	 */
	@Test
	void largeValuesOfAnotherColumnAreAnotherFindingAndAreLoggedAtOnce() {
		long[] ten = new long[10];
		java.util.Arrays.fill(ten, 2048);
		this.log.log(report(),
				this.detector.findings(
						new RecordedStatements().readingValuesOf("content", ten).ran("SELECT * FROM book", 10).list()),
				List.of());
		this.log.log(report(),
				this.detector.findings(
						new RecordedStatements().readingValuesOf("summary", ten).ran("SELECT * FROM book", 10).list()),
				List.of());

		assertThat(this.written).hasSize(2);
		assertThat(this.written.get(1)).contains("from column summary");
	}

	@Test
	void aZeroIntervalLogsEveryRequest() {
		FindingLog everyTime = new FindingLog(Duration.ZERO, Level.WARN, () -> this.now, recording());
		for (int i = 0; i < 3; i++) {
			everyTime.log(report(), this.detector.findings(statements("OwnerList.java:12")), List.of());
		}

		assertThat(this.written).hasSize(3);
	}

	/** A log at WARN that keeps what is written to it. */
	private Log recording() {
		return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class },
				(proxy, method, arguments) -> {
					if (method.getName().equals("warn")) {
						this.written.add(arguments[0].toString());
					}
					return (method.getReturnType() == boolean.class) ? method.getName().equals("isWarnEnabled") : null;
				});
	}

	private void request(String site) {
		this.log.log(report(), this.detector.findings(statements(site)), List.of());
	}

	private static List<StatementRecord> statements(String site) {
		return new RecordedStatements().ran(OWNERS, 3)
			.from(site)
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L)
			.ran(PETS, 1, 3L)
			.list();
	}

	private static RequestReport report() {
		return new RecordedStatements().ran(OWNERS, 3).ran(PETS, 1, 1L).ran(PETS, 1, 2L).ran(PETS, 1, 3L).report();
	}

}
