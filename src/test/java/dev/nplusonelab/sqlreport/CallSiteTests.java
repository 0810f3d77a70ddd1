package dev.nplusonelab.sqlreport;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
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

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

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
	void theLabsOwnPlumbingIsNeverTheCallSite() {
		// The starter's capture and listener, datasource-proxy and the query's JdbcClient
		// all lie between this line and the driver. (Without any frame of application
		// code,
		// the call site names the nearest frame: the starter's CallSitesTests.)
		RequestReport report = this.capture.capture(() -> this.jdbc.sql("SELECT 1").query(Integer.class).single());

		assertThat(report.statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.callSite()).startsWith("CallSiteTests.java:"));
	}

}
