package com.example.bookshop;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static com.example.bookshop.Findings.COPIES_SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The sales page sums each book's sales on its own, and each of those statements reads
 * the whole ledger: MariaDB made no index on {@code sale.book_id}, which has no foreign
 * key. The starter says so on the finding, with the index to create; in a test,
 * {@code usesIndexes()} fails on the plan. Once the index exists, both are quiet. The
 * lookups by a primary key (authors) or by a foreign key (reviews, which InnoDB indexes
 * itself) get no hint.
 */
@BookshopTest
class MissingIndexTests {

	private static final String CREATE = "CREATE INDEX sale_book_id_idx ON sale (book_id)";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private BookCatalog catalog;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port, this.managementPort);
	}

	@AfterEach
	void dropTheIndex() {
		if (!this.jdbc.queryForList("SHOW INDEX FROM sale WHERE Key_name = 'sale_book_id_idx'").isEmpty()) {
			this.jdbc.execute("DROP INDEX sale_book_id_idx ON sale");
		}
	}

	@Test
	void theSumPerBookSaysItScansTheLedgerAndTheIndexItNamesEndsIt() {
		Map<String, Object> finding = salesFinding();

		assertThat(finding).containsEntry("index", Map.of("table", "sale", "column", "book_id", "text",
				"no index on sale.book_id: each of the 6 lookups scans the table", "create", CREATE));
		assertThat(String.valueOf(finding.get("message")))
			.endsWith(". Also no index on sale.book_id: each of the 6 lookups scans the table (" + CREATE + ")");
		this.jdbc.execute(CREATE);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(salesFinding()).containsEntry("index", null));
	}

	@Test
	@SuppressWarnings("unchecked")
	void lookupsByAPrimaryKeyOrAnIndexedForeignKeyGetNoHint() {
		List<Map<String, Object>> findings = this.http.findings(this.http.get("/books"));

		// The author by its key and the review count by an indexed foreign key, once per
		// book: one loop, whose two lookups are each checked against their own table
		assertThat(findings).filteredOn((finding) -> "loop".equals(finding.get("kind")))
			.singleElement()
			.satisfies((loop) -> assertThat((List<Map<String, Object>>) loop.get("members")).hasSize(2)
				.allSatisfy((member) -> assertThat(member).containsEntry("kind", "n_plus_one")
					.containsEntry("index", null)));
	}

	@Test
	void usesIndexesFailsOnTheLedgerScanWithItsPlanLineAndPassesWithTheIndex() {
		RequestReport report = this.capture.capture(this.catalog::sales);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).usesIndexes(this.dataSource))
			.withMessageStartingWith(
					"Expected every SELECT to find its rows by an index but 1 reads a table of 1000 rows or more in full:")
			.withMessageContaining("#2 from " + COPIES_SOLD + ": SELECT SUM(copies) FROM sale WHERE book_id = ?")
			.withMessageContaining("reads all 2400 rows of sale: id select_type table type")
			.withMessageContaining("SIMPLE  sale  ALL");
		this.jdbc.execute(CREATE);

		SqlAssertions.assertThat(report).usesIndexes(this.dataSource);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> salesFinding() {
		List<Map<String, Object>> findings = this.http.findings(this.http.get("/books/sales"));
		assertThat(findings).singleElement()
			.satisfies((finding) -> assertThat(finding).containsEntry("sites",
					List.of(Map.of("callSite", COPIES_SOLD, "runs", 6))));
		return findings.get(0);
	}

}
