package dev.nplusonelab.diagnostics.test;

import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.assertj.core.api.AbstractAssert;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/** Assertions on the statements of one report; each returns this, so they chain. */
public class ReportAssert extends AbstractAssert<ReportAssert, RequestReport> {

	/**
	 * A table read in full fails {@link #usesIndexes(DataSource)} from this many rows.
	 */
	public static final long FULL_SCAN_ROWS = 1000;

	private NPlusOneDetector detector = new NPlusOneDetector();

	ReportAssert(RequestReport report) {
		super(report, ReportAssert.class);
	}

	/**
	 * Finds N+1s and duplicates with this detector, the application's (with its fix
	 * suggestions), instead of one with the starter's suggestions only.
	 */
	public ReportAssert usingDetector(NPlusOneDetector detector) {
		this.detector = detector;
		return this;
	}

	public ReportAssert ranExactly(int expected) {
		isNotNull();
		if (this.actual.statementCount() != expected) {
			fail("Expected exactly " + expected + " " + plural(expected) + " but " + ran());
		}
		return this;
	}

	public ReportAssert ranAtMost(int max) {
		isNotNull();
		if (this.actual.statementCount() > max) {
			fail("Expected at most " + max + " " + plural(max) + " but " + ran());
		}
		return this;
	}

	/**
	 * No statement with the same SQL ran twice from the same line with other values, on
	 * its own or in a loop with others.
	 */
	public ReportAssert hasNoPotentialNPlusOne() {
		return hasNo(Finding::isNPlusOne, "potential N+1");
	}

	/**
	 * No list's keys were loaded in two or more batches from one line: the batch covers
	 * the list.
	 */
	public ReportAssert hasNoBatchPlusOne() {
		return hasNo(Finding.Kind.BATCH_PLUS_ONE, "batch+1");
	}

	/** No statement ran twice with the same SQL and the same values. */
	public ReportAssert hasNoDuplicates() {
		return hasNo(Finding.Kind.DUPLICATE, "duplicate");
	}

	/**
	 * Nothing ran while a view rendered: everything the view reads was loaded before.
	 */
	public ReportAssert ranNothingWhileRendering() {
		isNotNull();
		long fromView = this.actual.statements()
			.stream()
			.filter((statement) -> statement.phase() == StatementRecord.Phase.VIEW)
			.count();
		if (fromView > 0) {
			fail("Expected no statement while the view rendered but " + fromView + " ran then; " + ran());
		}
		return this;
	}

	/**
	 * No SELECT of the report reads every row of a table of {@value #FULL_SCAN_ROWS} rows
	 * or more, as the database plans and runs it: see
	 * {@link #usesIndexes(DataSource, long)}.
	 */
	public ReportAssert usesIndexes(DataSource dataSource) {
		return usesIndexes(dataSource, FULL_SCAN_ROWS);
	}

	/**
	 * No SELECT of the report reads every row of a table of {@code rows} rows or more.
	 * Each distinct SELECT runs again under the database's EXPLAIN ANALYZE, with the
	 * values it was first bound with, in a read-only transaction that is rolled back; the
	 * rows are those the scan read. PostgreSQL, MariaDB and MySQL 8.0.18 or later only:
	 * on another database it fails, saying that nothing was checked.
	 * @param dataSource the application's DataSource, on the database the report ran on
	 * @param rows how many rows a full scan must read to fail; a small table is read in
	 * full whatever its indexes, and rightly
	 */
	public ReportAssert usesIndexes(DataSource dataSource, long rows) {
		isNotNull();
		List<IndexUsage.Scan> scans = new IndexUsage(dataSource).fullScans(this.actual.statements(), rows);
		if (!scans.isEmpty()) {
			StringBuilder message = new StringBuilder("Expected every SELECT to find its rows by an index but "
					+ scans.size() + ((scans.size() == 1) ? " reads" : " read") + " a table of " + rows
					+ " rows or more in full:");
			for (IndexUsage.Scan scan : scans) {
				message.append(String.format(Locale.ROOT, "%n  - #%d from %s: %s%n    reads all %d rows of %s: %s",
						scan.statement().index(), scan.statement().callSite(),
						IndexUsage.oneLine(scan.statement().sql()), scan.rows(), scan.table(), scan.line()));
			}
			fail(message.toString());
		}
		return this;
	}

	private ReportAssert hasNo(Finding.Kind kind, String name) {
		return hasNo((finding) -> finding.kind() == kind, name);
	}

	private ReportAssert hasNo(java.util.function.Predicate<Finding> kind, String name) {
		isNotNull();
		List<Finding> found = this.detector.findings(this.actual.statements()).stream().filter(kind).toList();
		if (!found.isEmpty()) {
			StringBuilder message = new StringBuilder("Expected no " + name + " but found " + found.size() + ":");
			found.forEach((finding) -> message.append("\n  - ").append(finding.message()));
			fail(message.append("\n").append(ran()).toString());
		}
		return this;
	}

	/** Every statement, with its time, call site and text. */
	String ran() {
		List<StatementRecord> statements = this.actual.statements();
		StringBuilder listing = new StringBuilder(this.actual.statementCount() + " ran:");
		for (StatementRecord statement : statements) {
			listing
				.append(String.format(Locale.ROOT, "%n  #%d %.3f ms %s%s%s: %s", statement.index(), statement.millis(),
						statement.callSite(), (statement.phase() == StatementRecord.Phase.VIEW) ? " (view)" : "",
						statement.thread().equals(this.actual.thread()) ? "" : " (thread " + statement.thread() + ")",
						statement.sql().replaceAll("\\s+", " ")));
		}
		int dropped = this.actual.droppedStatementCount();
		if (dropped > 0) {
			listing.append(String.format(Locale.ROOT, "%n  … and %d more, counted but not kept", dropped));
		}
		return listing.toString();
	}

	private void fail(String message) {
		failWithMessage("%s", message);
	}

	private static String plural(int count) {
		return (count == 1) ? "statement" : "statements";
	}

}
