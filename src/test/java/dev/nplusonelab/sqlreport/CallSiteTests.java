package dev.nplusonelab.sql;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement names the line of application code that asked for it, the one a
 * developer would change, even when Spring Data issued it from a generated class while
 * loading an aggregate.
 */
@LabTest
class CallSiteTests {

	@Autowired
	private MockMvcTester mvc;

	@TestFactory
	Stream<DynamicTest> everyStatementOfANaivePageNamesAFileAndALineOfApplicationCode() {
		Pages pages = new Pages(this.mvc);
		return NaivePages.URIS.stream().map((uri) -> DynamicTest.dynamicTest(uri, () -> {
			RequestReport report = pages.visit(NaivePages.inMode(uri, "naive")).report();

			assertThat(report.statements()).isNotEmpty()
				.allSatisfy(
						(statement) -> assertThat(statement.callSite()).as("#%d %s", statement.index(), statement.sql())
							.doesNotContainIgnoringCase("null")
							.matches("[A-Z][A-Za-z0-9_]*\\.java:[1-9][0-9]*"));
		}));
	}

	@Test
	void anAggregateLoadedByARepositoryNamesTheLineThatCalledTheRepository() {
		// The home page's book lists load each book's tag links through Spring Data's
		// generated instantiators, which have no source file.
		RequestReport report = new Pages(this.mvc).visit("/?mode=naive").report();

		assertThat(report.statements()).filteredOn((statement) -> statement.sql().contains("FROM \"book_tag\""))
			.extracting(StatementRecord::callSite)
			.allSatisfy((callSite) -> assertThat(callSite).startsWith("NaiveDashboardReader.java:"));
	}

	@Test
	void withoutAFrameOfApplicationCodeItSaysSoAndNamesTheNearestFrame() {
		String callSite = new CallSites("com.example.elsewhere").current();

		assertThat(callSite)
			.startsWith("(no application frame; nearest: " + getClass().getName()
					+ ".withoutAFrameOfApplicationCodeItSaysSoAndNamesTheNearestFrame(CallSiteTests.java:")
			.endsWith(")");
	}

	@Test
	void theLabsOwnPlumbingIsNeverTheCallSite() {
		assertThat(new CallSites("dev.nplusonelab").current()).startsWith("CallSiteTests.java:");
	}

}
