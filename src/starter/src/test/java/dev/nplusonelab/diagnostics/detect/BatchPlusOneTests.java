package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Batch+1: a list's keys loaded in two or more batches from one line, where one would do.
 * One finding for all the batches, its numbers counted from the bound keys (never
 * Hibernate's padding), and a fix in the terms of the code that sent them: a batch size
 * for Hibernate, one statement with every key for JDBC, valid on the database they ran
 * on. One batch for the whole list is no finding.
 * <p>
 * Texts are {@link RecordedStatements#unseen unseen}: the detector keeps what it read
 * from each text for the life of the JVM, which PIT's mutants share.
 */
class BatchPlusOneTests {

	private static final Database MARIADB = Database.of("MariaDB", "10.11.19-MariaDB-0+deb12u1");

	private static final Database H2 = Database.of("H2", "2.3.232 (2024-08-11)");

	private final NPlusOneDetector detector = new NPlusOneDetector();

	private final String owners = unseen("select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name");

	private final String petsOfTwoOwners = unseen(
			"select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?)");

	/**
	 * Hibernate's {@code default_batch_fetch_size=2} over ten owners: five statements of
	 * two keys, one finding that says so, not counted as an N+1.
	 */
	@Test
	void fiveBatchesOfTwoKeysForTenOwnersAreOneBatchPlusOne() {
		RecordedStatements statements = new RecordedStatements().issuedBy(DataAccess.HIBERNATE)
			.from("OwnerController.java:31")
			.ran(this.owners, 10);
		for (long key = 1; key <= 10; key += 2) {
			statements.ran(this.petsOfTwoOwners, 2, key, key + 1);
		}

		List<Finding> findings = this.detector.findings(statements.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.BATCH_PLUS_ONE);
			assertThat(finding.isNPlusOne()).isFalse();
			assertThat(finding.count()).isEqualTo(5);
			assertThat(finding.distinctParameterSets()).isEqualTo(10);
			assertThat(finding.batchSize()).isEqualTo(2);
			assertThat(finding.indexes()).containsExactly(2, 3, 4, 5, 6);
			assertThat(finding.sites()).containsExactly(new Site("OwnerController.java:31", 5));
			assertThat(finding.message()).startsWith("batch+1: 5 batches of 2 keys for the 10 rows of #1 (select "
					+ "o1_0.id,o1_0.name from owner o1_0 order by o1_0.name) from OwnerController.java:31, 10 keys "
					+ "in all, 0.5 ms: select p1_0.owner_id");
			assertThat(finding.label()).isEqualTo("batch+1 · 5 batches of 2 keys");
			assertThat(finding.suggestion().text()).isEqualTo("load the 10 keys in one batch: a batch size of at "
					+ "least 10, on the association with @BatchSize or for all of them, or a fetch join in the list's "
					+ "query (spring.jpa.properties.hibernate.default_batch_fetch_size=10, or @BatchSize(size = 10) "
					+ "on the association, or JOIN FETCH in the list's query)");
		});
	}

	/**
	 * Batches of four, the last padded with {@code NULL}s: ten keys in three batches of
	 * up to four; the padding is no key. Batches that are all full are "of" their size.
	 */
	@Test
	void theKeysAreCountedWithoutThePaddingAndAShortLastBatchIsUpToTheSize() {
		String petsOfFourOwners = unseen(
				"select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?,?,?)");

		Finding finding = single(new RecordedStatements().ran(this.owners, 10)
			.ran(petsOfFourOwners, 6, 2L, 10L, 9L, 3L)
			.ran(petsOfFourOwners, 5, 1L, 4L, 6L, 7L)
			.ran(petsOfFourOwners, 2, 8L, 5L, null, null));

		assertThat(finding.message()).startsWith("batch+1: 3 batches of up to 4 keys for the 10 rows of #1");
		assertThat(finding.message()).contains(", 10 keys in all, ");
		assertThat(finding.label()).isEqualTo("batch+1 · 3 batches of up to 4 keys");
		assertThat(finding.batchSize()).isEqualTo(4);
		assertThat(single(new RecordedStatements().ran(this.owners, 8)
			.ran(petsOfFourOwners, 6, 2L, 1L, 9L, 3L)
			.ran(petsOfFourOwners, 5, 4L, 5L, 6L, 7L)).message())
			.startsWith("batch+1: 2 batches of 4 keys for the 8 rows of #1");
	}

	/**
	 * JdbcClient code that loads thirty owners' pets ten keys at a time, bound as one
	 * array each, on PostgreSQL: one array of all thirty.
	 */
	@Test
	void chunksOfAnArrayOnPostgreSqlAreFixedWithOneArrayOfEveryKey() {
		String petsOfOwners = unseen("SELECT id, name, owner_id FROM pet WHERE owner_id = ANY(?)");
		RecordedStatements statements = new RecordedStatements().from("PetReader.java:40").ran(this.owners, 30);
		for (long chunk = 0; chunk < 3; chunk++) {
			Long[] keys = new Long[10];
			for (int i = 0; i < 10; i++) {
				keys[i] = chunk * 10 + i + 1;
			}
			statements.ran(petsOfOwners, 12, (Object) keys);
		}

		Finding finding = single(statements);

		assertThat(finding.message()).startsWith("batch+1: 3 batches of 10 keys for the 30 rows of #1");
		assertThat(finding.distinctParameterSets()).isEqualTo(30);
		assertThat(finding.suggestion().text()).isEqualTo("load the pet rows in one statement with all 30 owner_id "
				+ "values, not one statement per chunk, binding the collected owner_id values as one Long[] "
				+ "(SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	/**
	 * JdbcTemplate code on MariaDB, whose driver binds no array, and on H2: one IN list
	 * of every key, which JdbcClient or NamedParameterJdbcTemplate expands.
	 */
	@Test
	void chunksOfAnInListOnMariaDbOrH2AreFixedWithOneInListOfEveryKey() {
		for (Database database : List.of(MARIADB, H2)) {
			String petsOfOwners = unseen("SELECT id, name, owner_id FROM pet WHERE owner_id IN (?, ?)");

			Finding finding = single(new RecordedStatements().on(database)
				.ran(this.owners, 4)
				.ran(petsOfOwners, 2, 1L, 2L)
				.ran(petsOfOwners, 2, 3L, 4L));

			assertThat(finding.suggestion().text()).isEqualTo("load the pet rows in one statement with all 4 owner_id "
					+ "values, not one statement per chunk, with the collected owner_id values as :ids, which "
					+ "JdbcClient or NamedParameterJdbcTemplate expands (SELECT … FROM pet WHERE owner_id IN (:ids))");
		}
	}

	/**
	 * A Spring Data JDBC repository's {@code findAllById} called once per chunk of ids,
	 * on MariaDB: once with every id; and a derived query per chunk of other keys: once.
	 */
	@Test
	void findAllByIdPerChunkIsFixedWithOneCallWithEveryId() {
		String vets = unseen("SELECT `visit`.`id`, `visit`.`vet` FROM `visit`");
		String vetsById = unseen(
				"SELECT `vet`.`id` AS `id`, `vet`.`name` AS `name` FROM `vet` " + "WHERE `vet`.`id` IN (?, ?, ?)");
		String visitsOfPets = unseen("SELECT `visit`.`id` AS `id` FROM `visit` WHERE `visit`.`pet` IN (?, ?, ?)");

		assertThat(single(new RecordedStatements().on(MARIADB)
			.issuedBy(DataAccess.SPRING_DATA_JDBC)
			.ran(vets, 6)
			.ran(vetsById, 3, 1L, 2L, 3L)
			.ran(vetsById, 3, 4L, 5L, 6L)).suggestion().text())
			.isEqualTo("call findAllById once, with all 6 ids, not once per chunk (findAllById(ids))");
		assertThat(single(new RecordedStatements().on(MARIADB)
			.issuedBy(DataAccess.SPRING_DATA_JDBC)
			.ran(this.owners, 6)
			.ran(visitsOfPets, 3, 1L, 2L, 3L)
			.ran(visitsOfPets, 3, 4L, 5L, 6L)).suggestion().text())
			.isEqualTo("load the visit rows in one repository query with all 6 pet values, not one per chunk (a "
					+ "derived query findBy…In(Collection<…> values) called once, or @Query(\"SELECT … FROM visit "
					+ "WHERE pet IN (:ids)\"))");
	}

	/** One batch for the whole list: no finding, as it is the fix. */
	@Test
	void oneBatchForTheWholeListIsNoFinding() {
		String petsOfFourOwners = unseen(
				"select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?,?,?)");
		String petsOfOwners = unseen("SELECT id, name, owner_id FROM pet WHERE owner_id = ANY(?)");

		assertThat(this.detector
			.findings(new RecordedStatements().ran(this.owners, 4).ran(petsOfFourOwners, 6, 1L, 2L, 3L, 4L).list()))
			.isEmpty();
		assertThat(this.detector.findings(new RecordedStatements().ran(this.owners, 4)
			.ran(petsOfOwners, 6, (Object) new Long[] { 1L, 2L, 3L, 4L })
			.list())).isEmpty();
	}

	/**
	 * Batches from two lines are two findings of their own, each with its own count: the
	 * same statement, but not one chunked loop.
	 */
	@Test
	void batchesFromTwoLinesAreNotOneBatchPlusOne() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 8)
			.from("A.java:1")
			.ran(this.petsOfTwoOwners, 2, 1L, 2L)
			.ran(this.petsOfTwoOwners, 2, 3L, 4L)
			.from("B.java:2")
			.ran(this.petsOfTwoOwners, 2, 5L, 6L)
			.ran(this.petsOfTwoOwners, 2, 7L, 8L)
			.list());

		assertThat(findings).extracting(Finding::kind, Finding::callSite, Finding::count)
			.containsExactly(tuple(Kind.BATCH_PLUS_ONE, "A.java:1", 2), tuple(Kind.BATCH_PLUS_ONE, "B.java:2", 2));
	}

	/**
	 * Batches whose statement matches no key a fix can name are still batch+1, with no
	 * fix rather than a wrong one.
	 */
	@Test
	void batchesWithNoKeyToNameHaveNoFix() {
		String filtered = unseen("SELECT id FROM pet WHERE name LIKE ? AND owner_id IN (?, ?)");

		Finding finding = single(new RecordedStatements().ran(this.owners, 4)
			.ran(filtered, 1, "R%", 1L, 2L)
			.ran(filtered, 1, "R%", 3L, 4L));

		assertThat(finding.suggestion()).isNull();
		assertThat(finding.message()).doesNotContain("Fix:");
	}

	private Finding single(RecordedStatements statements) {
		List<Finding> findings = this.detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Kind.BATCH_PLUS_ONE);
		return findings.get(0);
	}

}
