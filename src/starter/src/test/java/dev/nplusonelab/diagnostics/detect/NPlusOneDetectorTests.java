package dev.nplusonelab.diagnostics.detect;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a batch ends and an N+1 begins, for statements that read a list of keys
 * ({@code IN (?, ?, …)}): the padded lists Hibernate's batch fetching sends (as recorded
 * from Hibernate 7 on H2 with {@code hibernate.default_batch_fetch_size=4}) are batches,
 * and more than one of them for one list is batch+1, not an N+1; a list of keys per row,
 * as Spring Data JDBC's {@code findAllById} sends for each row, is an N+1.
 */
class NPlusOneDetectorTests {

	private static final String OWNERS = "select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name";

	private static final String PETS_BY_OWNERS = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 "
			+ "where p1_0.owner_id in (?,?,?,?) order by p1_0.name";

	private static final String BOOKS = "SELECT id, title FROM book ORDER BY id LIMIT 4";

	private static final String TAGS_BY_ID = "SELECT \"tag\".\"id\" AS \"id\", \"tag\".\"name\" AS \"name\" "
			+ "FROM \"tag\" WHERE \"tag\".\"id\" IN (?, ?)";

	private final NPlusOneDetector detector = new NPlusOneDetector();

	private final RecordedStatements statements = new RecordedStatements();

	@Test
	void paddedInListsThatLoadSeveralParentsEachAreBatchPlusOneNotAnNPlusOne() {
		ran(OWNERS, 10);
		ran(PETS_BY_OWNERS, 6, 2L, 10L, 9L, 3L);
		ran(PETS_BY_OWNERS, 5, 1L, 4L, 6L, 7L);
		ran(PETS_BY_OWNERS, 2, 8L, 5L, null, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.BATCH_PLUS_ONE);
	}

	@Test
	void aListOfKeysPerRowIsAPotentialNPlusOneEvenWhenNoKeyRepeats() {
		ran(BOOKS, 4);
		ran(TAGS_BY_ID, 2, 1L, 2L);
		ran(TAGS_BY_ID, 2, 3L, 4L);
		ran(TAGS_BY_ID, 2, 5L, 6L);
		ran(TAGS_BY_ID, 2, 7L, 8L);

		assertThat(this.detector.findings(this.statements.list())).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(4);
			assertThat(finding.source()).extracting(Finding.Source::index).isEqualTo(1);
		});
	}

	@Test
	void listsOfKeysThatLoadAParentTwiceAreNotABatch() {
		ran(OWNERS, 10);
		ran(PETS_BY_OWNERS, 6, 1L, 2L, 3L, 4L);
		ran(PETS_BY_OWNERS, 5, 3L, 4L, 5L, 6L);
		ran(PETS_BY_OWNERS, 2, 7L, 8L, null, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	@Test
	void listsOfOneKeyEachAreNotABatchWhateverTheListsLength() {
		ran(OWNERS, 10);
		ran(PETS_BY_OWNERS, 1, 1L, null, null, null);
		ran(PETS_BY_OWNERS, 1, 2L, null, null, null);
		ran(PETS_BY_OWNERS, 1, 3L, null, null, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	@Test
	void aBatchNeedsAListWithAtLeastTwiceAsManyRowsAsItRanStatements() {
		ran(OWNERS, 5);
		ran(PETS_BY_OWNERS, 3, 1L, 2L, 3L, 4L);
		ran(PETS_BY_OWNERS, 1, 5L, 6L, 7L, 8L);
		ran(PETS_BY_OWNERS, 1, 9L, 10L, null, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	@Test
	void listsOfKeysWithNoListBeforeThemAreNotABatch() {
		ran(PETS_BY_OWNERS, 6, 2L, 10L, 9L, 3L);
		ran(PETS_BY_OWNERS, 5, 1L, 4L, 6L, 7L);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	@Test
	void theKeysAreReadFromTheListWhateverIsBoundBeforeIt() {
		String filtered = "select p1_0.id from pet p1_0 where p1_0.name<>? and p1_0.owner_id in (?,?,?,?)";
		ran(OWNERS, 10);
		ran(filtered, 6, "Leo", 2L, 10L, 9L, 3L);
		ran(filtered, 5, "Leo", 1L, 4L, 6L, 7L);
		ran(filtered, 2, "Leo", 8L, 5L, null, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.BATCH_PLUS_ONE);
	}

	private static final String PETS_BY_TWO_OWNERS = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 "
			+ "where p1_0.owner_id in (?,?) order by p1_0.name";

	/**
	 * Hibernate with {@code default_batch_fetch_size=2} over four owners sits on both
	 * thresholds at once: four rows for two statements, four keys for two statements.
	 * Either comparison made strict ({@code <} to {@code <=} on the rows, {@code >=} to
	 * {@code >} on the keys) calls these batches an N+1, not batch+1.
	 */
	@Test
	void batchesOfTwoOverFourRowsAreBatchPlusOneOnBothThresholds() {
		ran(OWNERS, 4);
		ran(PETS_BY_TWO_OWNERS, 3, 1L, 2L);
		ran(PETS_BY_TWO_OWNERS, 2, 3L, 4L);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.BATCH_PLUS_ONE);
	}

	/** One row fewer than twice the statements: the list is too short to be batched. */
	@Test
	void oneRowShortOfTwiceTheStatementsIsAnNPlusOne() {
		ran(OWNERS, 3);
		ran(PETS_BY_TWO_OWNERS, 3, 1L, 2L);
		ran(PETS_BY_TWO_OWNERS, 2, 3L, 4L);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	/**
	 * The padding is not a key. Counting the {@code NULL} would make three keys four, and
	 * the two statements (one of them a single owner) a batch.
	 */
	@Test
	void aPaddingNullIsNotCountedAsAKey() {
		ran(OWNERS, 4);
		ran(PETS_BY_TWO_OWNERS, 3, 1L, 2L);
		ran(PETS_BY_TWO_OWNERS, 2, 3L, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.N_PLUS_ONE);
	}

	/**
	 * Two statements padded with {@code NULL} load no parent twice: keeping the padding
	 * would find the {@code NULL} in both and call six distinct owners an N+1.
	 */
	@Test
	void paddingInSeveralStatementsIsNotAKeyLoadedTwice() {
		ran(OWNERS, 6);
		ran(PETS_BY_OWNERS, 3, 1L, 2L, 3L, null);
		ran(PETS_BY_OWNERS, 2, 4L, 5L, 6L, null);

		assertThat(this.detector.findings(this.statements.list())).singleElement()
			.extracting(Finding::kind)
			.isEqualTo(Kind.BATCH_PLUS_ONE);
	}

	private void ran(String sql, long rows, @Nullable Object... values) {
		this.statements.ran(sql, rows, values);
	}

}
