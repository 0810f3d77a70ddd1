package com.example.library;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Data JDBC, a finding's fix names the aggregate and the property, read from
 * the mapping context, in the {@code @DataJdbcTest} slice as in the application; where
 * the mapping does not say which property it is, the starter's table-and-key fix stands.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DataJdbcSuggestionsTests {

	private static final String TITLES_FIX = "load Author.titles for all Author aggregates at once by its "
			+ "back-reference book.author_id, not with each aggregate (SELECT … FROM book WHERE author_id = ANY(?))";

	@Autowired
	private Authors authors;

	@Autowired
	private Books books;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NPlusOneDetector detector;

	@Test
	void anOwnedCollectionLoadedWithEachAggregateIsNamedWithItsBackReference() {
		RequestReport report = this.capture.capture(() -> this.authors.findAll());

		assertThat(fixes(report)).containsExactly(TITLES_FIX);
	}

	@Test
	void anAggregateLookedUpByEachRowsReferenceIsNamedByTheReference() {
		RequestReport report = this.capture.capture(() -> {
			for (Book book : this.books.findAllById(List.of(1L, 2L, 3L, 4L))) {
				this.authors.findById(book.author().getId()).orElseThrow();
			}
		});

		assertThat(fixes(report)).contains("load the Author aggregates that Book.author refers to for all rows at once "
				+ "(findAllById with the collected ids)");
	}

	@Test
	void anOwnedCollectionIsNamedWhicheverListItsAggregatesWereLookedUpFor() {
		RequestReport report = this.capture.capture(() -> {
			for (Book book : this.books.findAllById(List.of(1L, 2L, 3L, 4L))) {
				this.authors.findById(book.author().getId()).orElseThrow();
			}
		});

		// Each author's titles, loaded with each author looked up for a book: the
		// statement is Spring Data JDBC loading Author.titles, whatever the list.
		assertThat(fixes(report)).contains(TITLES_FIX);
	}

	/**
	 * The fix of each potential N+1, those of a loop included: an author looked up per
	 * book loads its titles with it, and the two make one loop whose members keep their
	 * own fixes.
	 */
	private List<String> fixes(RequestReport report) {
		return this.detector.findings(report.statements())
			.stream()
			.flatMap((finding) -> finding.members().isEmpty() ? Stream.of(finding) : finding.members().stream())
			.filter(Finding::isNPlusOne)
			.map((finding) -> finding.suggestion().text())
			.toList();
	}

}
