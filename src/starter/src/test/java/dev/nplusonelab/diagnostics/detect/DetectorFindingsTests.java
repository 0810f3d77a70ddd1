package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;

import dev.nplusonelab.diagnostics.capture.Fetched;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * What a request's findings carry and in which order: the potential N+1 with the most
 * statements first, each finding with its statements' summed time and positions, a
 * duplicate's lines in the order they first ran; which repeats are batches (an array of
 * keys bound per statement) and which are not (one key per row, however long the list);
 * and a statement that read ten or more large values.
 * <p>
 * Texts are {@link RecordedStatements#unseen unseen}: the detector keeps what it read
 * from each text for the life of the JVM, which PIT's mutants share.
 */
@ExtendWith(OutputCaptureExtension.class)
class DetectorFindingsTests {

	private final NPlusOneDetector detector = new NPlusOneDetector();

	private final String owners = unseen("SELECT id, name FROM owner ORDER BY name");

	private final String petsOfOwner = unseen("SELECT id, name FROM pet WHERE owner_id = ?");

	private final String visitsOfPet = unseen("SELECT visit_date FROM visit WHERE pet_id = ?");

	private final String ownerById = unseen("SELECT name FROM owner WHERE id = ?");

	/**
	 * The pets of three owners, then the visits of each of their five pets: the visits
	 * ran first in the list of findings although the pets ran first in the request.
	 * Mutants killed: the sort removed, or its comparison made 0.
	 */
	@Test
	void theNPlusOneWithTheMostStatementsComesFirst() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.visitsOfPet, 1, 11L)
			.ran(this.visitsOfPet, 0, 12L)
			.ran(this.petsOfOwner, 2, 2L)
			.ran(this.visitsOfPet, 3, 21L)
			.ran(this.visitsOfPet, 1, 22L)
			.ran(this.petsOfOwner, 1, 3L)
			.ran(this.visitsOfPet, 2, 31L)
			.list());

		assertThat(findings).extracting(Finding::kind, Finding::count)
			.containsExactly(tuple(Kind.N_PLUS_ONE, 5), tuple(Kind.N_PLUS_ONE, 3));
	}

	/** Mutants killed: the time subtracted or left at 0, and the positions left out. */
	@Test
	void aFindingAddsUpItsStatementsTimeAndListsTheirPositions() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.taking(Duration.ofNanos(1_500_000))
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.millis()).isCloseTo(4.5, within(1e-9));
			assertThat(finding.indexes()).containsExactly(2, 3, 4);
			assertThat(finding.message()).contains(", 4.5 ms: SELECT id, name FROM pet WHERE owner_id = ?");
		});
	}

	/**
	 * The header reads owner 1, the sidebar owner 2 twice, the footer owner 1 again: the
	 * duplicate lists the lines, and the statements, in the order they ran. Mutants
	 * killed: the statements left in the order they were grouped (header, footer,
	 * sidebar), by removing the sort or making its comparison 0.
	 */
	@Test
	void aDuplicateListsItsLinesAndStatementsInTheOrderTheyFirstRan() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().from("Header.java:12")
			.ran(this.ownerById, 1, 1L)
			.from("Sidebar.java:30")
			.ran(this.ownerById, 1, 2L)
			.from("Footer.java:8")
			.ran(this.ownerById, 1, 1L)
			.from("Sidebar.java:30")
			.ran(this.ownerById, 1, 2L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.DUPLICATE);
			assertThat(finding.sites()).containsExactly(new Site("Header.java:12", 1), new Site("Sidebar.java:30", 2),
					new Site("Footer.java:8", 1));
			assertThat(finding.indexes()).containsExactly(1, 2, 3, 4);
			assertThat(finding.message()).startsWith("duplicate: 2 statements ran again with the same values, "
					+ "4 runs in all, from Header.java:12 (1×), Sidebar.java:30 (2×), Footer.java:8 (1×), ");
		});
	}

	/**
	 * The pets of four owners loaded two owners at a time, by one array of keys each:
	 * batch+1, not a lookup per row; the pets of each of four books' owners by an array
	 * of one key each are no batches of the list, and no N+1 either, as an array of keys
	 * is how a fix binds them. Mutant killed: statements that all bind arrays taken as
	 * repeats.
	 */
	@Test
	void statementsThatEachBindAnArrayOfKeysAreBatchesNeverAnNPlusOne() {
		String petsOfOwners = unseen("SELECT id, name, owner_id FROM pet WHERE owner_id = ANY(?)");

		assertThat(this.detector.findings(new RecordedStatements().ran(this.owners, 4)
			.ran(petsOfOwners, 5, (Object) new Long[] { 1L, 2L })
			.ran(petsOfOwners, 3, (Object) new Long[] { 3L, 4L })
			.list())).singleElement().extracting(Finding::kind).isEqualTo(Kind.BATCH_PLUS_ONE);
		assertThat(this.detector.findings(new RecordedStatements().ran(this.owners, 4)
			.ran(petsOfOwners, 5, (Object) new Long[] { 1L })
			.ran(petsOfOwners, 3, (Object) new Long[] { 2L })
			.ran(petsOfOwners, 3, (Object) new Long[] { 3L })
			.list())).isEmpty();
	}

	/**
	 * Ten owners listed, the pets of three of them looked up one by one: each statement
	 * reads one key, so they are no batch of the list, however many rows it had. Mutant
	 * killed: a statement without a key list taken as a batch.
	 */
	@Test
	void lookupsOfOneKeyEachAreAnNPlusOneHoweverLongTheListBeforeThem() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 10)
			.ran(this.petsOfOwner, 2, 1L)
			.ran(this.petsOfOwner, 1, 2L)
			.ran(this.petsOfOwner, 0, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.message()).contains("3 statements from OwnerSummary.java:9 for the 10 rows of #1");
		});
	}

	/**
	 * A string literal that holds a question mark is not a bound value; with one key per
	 * statement these stay an N+1. Mutant killed: the check that enough values were bound
	 * for the list ({@code before + listed} to {@code before - listed}), which then reads
	 * past the values and throws.
	 */
	@Test
	void lookupsOfOneKeyEachStayAnNPlusOneWhenALiteralHoldsAQuestionMark() {
		String pets = unseen("select p1_0.id from pet p1_0 where p1_0.name<>'Who?' and p1_0.owner_id in (?,?)");

		assertThat(this.detector.findings(new RecordedStatements().ran(this.owners, 10)
			.ran(pets, 1, 1L, null)
			.ran(pets, 1, 2L, null)
			.ran(pets, 1, 3L, null)
			.list())).singleElement().extracting(Finding::kind).isEqualTo(Kind.N_PLUS_ONE);
	}

	/**
	 * A {@code ?} inside a string literal is no placeholder: the padded batches after it
	 * still read their keys from the list, and are batch+1 (before the fix, the literal's
	 * {@code ?} shifted the list by one value and made these batches an N+1).
	 */
	@Test
	void paddedBatchesAreBatchPlusOneWhenALiteralBeforeTheListHoldsAQuestionMark() {
		String pets = unseen("select p1_0.id from pet p1_0 where p1_0.name<>'Rex?' and p1_0.owner_id in (?,?,?,?)");

		assertThat(this.detector.findings(new RecordedStatements().ran(this.owners, 10)
			.ran(pets, 6, 2L, 10L, 9L, 3L)
			.ran(pets, 5, 1L, 4L, 6L, 7L)
			.ran(pets, 2, 8L, 5L, null, null)
			.list())).singleElement().extracting(Finding::kind).isEqualTo(Kind.BATCH_PLUS_ONE);
	}

	/**
	 * Placeholders as the driver binds them: not in literals, quoted identifiers or
	 * comments, nor an escaped {@code ??}; counted only within the range asked for, with
	 * what opened before it still open.
	 */
	@Test
	void placeholdersAreCountedAsTheDriverBindsThem() {
		assertThat(placeholders("SELECT ? FROM t WHERE a = ? AND b IN (?, ?)")).isEqualTo(4);
		assertThat(placeholders("SELECT 'it''s?' , \"col?\", `x?` FROM t WHERE a = ?")).isOne();
		assertThat(placeholders("SELECT a -- why?\nFROM t /* and? */ WHERE a = ?")).isOne();
		assertThat(placeholders("SELECT data ?? 'key' FROM t WHERE id = ?")).isOne();
		String sql = "SELECT 'a?b' FROM t WHERE x = ? AND y = ?";
		assertThat(NPlusOneDetector.count(sql, 9, sql.length())).isEqualTo(2);
		assertThat(NPlusOneDetector.count(sql, sql.indexOf("y ="), sql.length())).isOne();
		assertThat(placeholders("SELECT 'unclosed ?")).isZero();
		assertThat(placeholders("SELECT 1 /* unclosed ?")).isZero();
		assertThat(placeholders("SELECT 1 -- ?")).isZero();
		// A minus, a slash or a quote as the last character, or before a placeholder
		assertThat(placeholders("SELECT ? - ? FROM t")).isEqualTo(2);
		assertThat(placeholders("SELECT ? -")).isOne();
		assertThat(placeholders("SELECT ? /")).isOne();
		assertThat(placeholders("SELECT ?, 'a'")).isOne();
		assertThat(placeholders("SELECT '' , ?")).isOne();
		// A comment that opens as /*/ is still open
		assertThat(placeholders("SELECT 1 /*/ ? */")).isZero();
		assertThat(NPlusOneDetector.count(sql, sql.lastIndexOf('?'), sql.length())).isOne();
	}

	/**
	 * A statement that bound fewer values than its text has placeholders (a driver that
	 * kept only some) cannot show its list's keys, so it is not taken for a batch;
	 * nothing fails.
	 */
	@Test
	void aStatementWithFewerValuesThanPlaceholdersIsNoBatch() {
		String pets = unseen("select p1_0.id from pet p1_0 where p1_0.owner_id in (?,?,?,?)");

		assertThat(this.detector
			.findings(new RecordedStatements().ran(this.owners, 10).ran(pets, 6, 2L, 10L).ran(pets, 5, 1L, 4L).list()))
			.singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	/**
	 * A suggester that throws is logged once under its own class name, and the finding
	 * keeps the starter's own fix.
	 */
	@Test
	void aSuggesterThatThrowsIsNamedInTheLogAndTheStartersFixStands(CapturedOutput output) {
		String pets = unseen("SELECT name FROM pet WHERE owner_id = ?");
		NPlusOneDetector detector = new NPlusOneDetector(List.of(new ThrowingSuggester()), 10);

		List<Finding> findings = detector
			.findings(new RecordedStatements().ran(this.owners, 2).ran(pets, 1, 1L).ran(pets, 1, 2L).list());

		assertThat(findings).singleElement().satisfies((finding) -> assertThat(finding.suggestion()).isNotNull());
		assertThat(output.getAll())
			.contains("N+1 diagnostics: fix suggester " + ThrowingSuggester.class.getName() + " failed and is skipped");
	}

	/** Thrown only by the test above, so its failure is logged there. */
	static final class ThrowingSuggester implements FixSuggester {

		@Override
		public Finding.@Nullable Suggestion suggest(RepeatedLookup lookup) {
			throw new IllegalStateException("broken on purpose");
		}

	}

	private static int placeholders(String sql) {
		return NPlusOneDetector.count(sql, 0, sql.length());
	}

	/**
	 * Ten values of {@value Fetched#LARGE_VALUE_BYTES} bytes are large values, nine are
	 * not, nor are ten of a byte less. Mutants killed: the threshold made strict, and the
	 * built-in fix not returned.
	 */
	@Test
	void aStatementThatReadTenLargeValuesIsReportedWithTheColumnsToSelect() {
		String books = unseen("SELECT * FROM book ORDER BY title");
		long[] ten = new long[10];
		Arrays.fill(ten, Fetched.LARGE_VALUE_BYTES);
		long[] tenSmaller = new long[10];
		Arrays.fill(tenSmaller, Fetched.LARGE_VALUE_BYTES - 1);

		assertThat(this.detector.findings(new RecordedStatements().readingValuesOf(ten).ran(books, 10).list()))
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.kind()).isEqualTo(Kind.LARGE_VALUES);
				assertThat(finding.count()).isEqualTo(10);
				assertThat(finding.indexes()).containsExactly(1);
				assertThat(finding.column()).isEqualTo("content");
				assertThat(finding.label()).isEqualTo("large values · 10 of 1 KB or more in content");
				assertThat(finding.message()).startsWith(
						"large values: #1 read 10 values of 1 KB or more from column content, from OwnerSummary.java:9, ");
				assertThat(finding.suggestion().text())
					.isEqualTo("select only the columns the page shows (SELECT the columns instead of SELECT *)");
			});
		assertThat(this.detector
			.findings(new RecordedStatements().readingValuesOf(Arrays.copyOf(ten, 9)).ran(books, 9).list())).isEmpty();
		assertThat(this.detector.findings(new RecordedStatements().readingValuesOf(tenSmaller).ran(books, 10).list()))
			.isEmpty();
	}

	/**
	 * Fifty authors' books, each list read with its content: one finding, not fifty,
	 * counting every large value and every run that read ten or more; a run that read
	 * nine is not one of them, and the same statement from another line is another
	 * finding. Mutants killed: the values or the runs not summed, the line left out of
	 * the grouping.
	 */
	@Test
	void aStatementThatReadLargeValuesInEveryRunIsOneFindingWithItsRunsCounted() {
		String authors = unseen("SELECT id, name FROM author ORDER BY name");
		String booksOfAuthor = unseen("SELECT * FROM book WHERE author_id = ?");
		long[] twelve = new long[12];
		Arrays.fill(twelve, 4000);
		RecordedStatements request = new RecordedStatements().ran(authors, 50).readingValuesOf(twelve);
		for (long author = 1; author <= 50; author++) {
			request.ran(booksOfAuthor, 12, author);
		}
		request.readingValuesOf(Arrays.copyOf(twelve, 9)).ran(booksOfAuthor, 9, 51L);
		request.from("AuthorPage.java:30").readingValuesOf(twelve).ran(booksOfAuthor, 12, 1L);

		List<Finding> large = this.detector.findings(request.list())
			.stream()
			.filter((finding) -> finding.kind() == Kind.LARGE_VALUES)
			.toList();

		assertThat(large).hasSize(2);
		assertThat(large.get(0)).satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(50 * 12);
			assertThat(finding.indexes()).hasSize(50).startsWith(2, 3).endsWith(51);
			assertThat(finding.distinctParameterSets()).isEqualTo(50);
			assertThat(finding.sites()).containsExactly(new Site("OwnerSummary.java:9", 50));
			assertThat(finding.millis()).isCloseTo(50 * 0.1, within(1e-9));
			assertThat(finding.label()).isEqualTo("large values · 600 of 1 KB or more in content · 50 statements");
			assertThat(finding.message()).startsWith("large values: 50 statements (first #2) read 600 values of 1 KB "
					+ "or more from column content, from OwnerSummary.java:9, 5.0 ms: SELECT * FROM book");
		});
		assertThat(large.get(1)).satisfies((finding) -> {
			assertThat(finding.callSite()).isEqualTo("AuthorPage.java:30");
			assertThat(finding.count()).isEqualTo(12);
			assertThat(finding.indexes()).containsExactly(53);
		});
	}

	/**
	 * Two large columns are two findings, each with its own values; a column with fewer
	 * than ten in the run is none, whatever the other column read. Mutant killed: the
	 * threshold applied to the statement's total.
	 */
	@Test
	void eachLargeColumnOfAStatementIsAFindingOfItsOwn() {
		String books = unseen("SELECT * FROM book ORDER BY title");
		long[] ten = new long[10];
		Arrays.fill(ten, Fetched.LARGE_VALUE_BYTES);

		List<Finding> findings = this.detector.findings(new RecordedStatements().readingValuesOf("content", ten)
			.andValuesOf("summary", ten)
			.andValuesOf("cover", Arrays.copyOf(ten, 9))
			.ran(books, 10)
			.list());

		assertThat(findings).extracting(Finding::kind, Finding::column, Finding::count, Finding::indexes)
			.containsExactly(tuple(Kind.LARGE_VALUES, "content", 10, List.of(1)),
					tuple(Kind.LARGE_VALUES, "summary", 10, List.of(1)));
	}

}
