package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of finding is, whatever the data: a lookup per row is one N+1 whether
 * its keys repeat or not, the same read asked for again is a duplicate from whichever
 * lines asked, writes are never either, and names are read through any quoting.
 */
class DetectorRulesTests {

	private static final String VISITS = "SELECT id, pet_id, type_id FROM visit ORDER BY visit_date";

	private static final String PET_BY_ID = "SELECT name FROM pet WHERE id = ?";

	private static final String TYPE_BY_ID = "SELECT name FROM type WHERE id = ?";

	private static final String TYPES = "SELECT id, name FROM type ORDER BY name";

	private static final Database MARIADB = Database.of("MariaDB", "10.11.19-MariaDB-0+deb12u1");

	private final NPlusOneDetector detector = new NPlusOneDetector();

	@Test
	void rowsThatShareKeysAreOneNPlusOneThatCountsTheDistinctKeys() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(VISITS, 4)
			.ran(PET_BY_ID, 1, 1L)
			.ran(PET_BY_ID, 1, 1L)
			.ran(PET_BY_ID, 1, 2L)
			.ran(PET_BY_ID, 1, 2L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(4);
			assertThat(finding.distinctParameterSets()).isEqualTo(2);
			assertThat(finding.message()).startsWith("potential N+1: 4 statements from OwnerSummary.java:9 for the 4 "
					+ "rows of #1 (SELECT id, pet_id, type_id FROM visit ORDER BY visit_date), 2 distinct keys, ");
		});
	}

	@Test
	void aLookupWithTheSameKeyForEveryRowOfAListIsStillAnNPlusOne() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(VISITS, 4)
			.ran(TYPE_BY_ID, 1, 7L)
			.ran(TYPE_BY_ID, 1, 7L)
			.ran(TYPE_BY_ID, 1, 7L)
			.ran(TYPE_BY_ID, 1, 7L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.message()).contains("4 statements from OwnerSummary.java:9 for the 4 rows of #1",
					", 1 distinct key, ");
		});
	}

	@Test
	void theSameLookupTwiceWithNoListForItIsADuplicate() {
		List<Finding> findings = this.detector
			.findings(new RecordedStatements().ran(PET_BY_ID, 1, 3L).ran(PET_BY_ID, 1, 3L).list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.DUPLICATE);
			assertThat(finding.message()).startsWith("duplicate: the same statement with the same values ran 2 times, "
					+ "from OwnerSummary.java:9 (2×), ");
			assertThat(finding.suggestion().text()).isEqualTo(
					"reuse the first answer instead of asking again (keep the first result, or cache it with @Cacheable)");
		});
	}

	@Test
	void aStatementWithoutParametersRunForEachRowIsADuplicateToRunOnce() {
		List<Finding> findings = this.detector
			.findings(new RecordedStatements().ran(VISITS, 3).ran(TYPES, 5).ran(TYPES, 5).ran(TYPES, 5).list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.DUPLICATE);
			assertThat(finding.count()).isEqualTo(3);
			assertThat(finding.suggestion().text()).isEqualTo("run it once and reuse its rows: nothing in it changes "
					+ "from one run to the next (call it before the loop, or cache it with @Cacheable)");
		});
	}

	@Test
	void theSameReadFromTwoLinesIsADuplicateThatListsEachLineAndItsRuns() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().from("OwnerController.java:31")
			.ran(PET_BY_ID, 1, 3L)
			.ran(PET_BY_ID, 1, 3L)
			.from("OwnerController.java:52")
			.ran(PET_BY_ID, 1, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.DUPLICATE);
			assertThat(finding.sites()).containsExactly(new Site("OwnerController.java:31", 2),
					new Site("OwnerController.java:52", 1));
			assertThat(finding.message()).startsWith("duplicate: the same statement with the same values ran 3 times, "
					+ "from OwnerController.java:31 (2×), OwnerController.java:52 (1×), ");
			assertThat(finding.suggestion().code())
				.isEqualTo("pass the first result on to the other line, or cache it with @Cacheable");
		});
	}

	@Test
	void aReadThatAnotherLineRepeatsIsADuplicateBesideTheNPlusOneItBelongsTo() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(VISITS, 3)
			.from("VisitList.java:20")
			.ran(PET_BY_ID, 1, 1L)
			.ran(PET_BY_ID, 1, 2L)
			.ran(PET_BY_ID, 1, 3L)
			.from("VisitList.java:44")
			.ran(PET_BY_ID, 1, 2L)
			.list());

		assertThat(findings).extracting(Finding::kind).containsExactly(Kind.N_PLUS_ONE, Kind.DUPLICATE);
		assertThat(findings.get(1).sites()).containsExactly(new Site("VisitList.java:20", 1),
				new Site("VisitList.java:44", 1));
	}

	@Test
	void writesAreNeverAnNPlusOneNorADuplicate() {
		String insert = "INSERT INTO pet_tag (pet_id, tag_id) VALUES (?, ?)";
		String update = "UPDATE pet SET visits = visits + 1 WHERE id = ?";

		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(VISITS, 2)
			.ran(insert, 0, 1L, 1L)
			.ran(insert, 0, 1L, 2L)
			.ran(update, 0, 1L)
			.ran(update, 0, 1L)
			.list());

		assertThat(findings).isEmpty();
	}

	@Test
	void writesSentOneAtATimeFromOneLineAreUnbatchedFromTheThresholdOn() {
		String insert = "INSERT INTO pet_tag (pet_id, tag_id) VALUES (?, ?)";
		RecordedStatements nine = new RecordedStatements();
		RecordedStatements ten = new RecordedStatements();
		for (long i = 0; i < 10; i++) {
			ten.ran(insert, 0, 1L, i);
			if (i < 9) {
				nine.ran(insert, 0, 1L, i);
			}
		}

		assertThat(this.detector.findings(nine.list())).isEmpty();
		assertThat(this.detector.findings(ten.list())).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.UNBATCHED_WRITES);
			assertThat(finding.isNPlusOne()).isFalse();
			assertThat(finding.message())
				.startsWith("unbatched writes: 10 INSERT statements from OwnerSummary.java:9, " + "one at a time, ");
			assertThat(finding.suggestion().text()).isEqualTo("send them as one JDBC batch (jdbcTemplate.batchUpdate("
					+ "\"INSERT INTO pet_tag (pet_id, tag_id) VALUES (?, ?)\", rows))");
		});
		assertThat(new NPlusOneDetector(List.of(), 3).findings(nine.list())).extracting(Finding::kind)
			.containsExactly(Kind.UNBATCHED_WRITES);
	}

	@Test
	void unbatchedWritesAreFixedInTheTermsOfTheCodeThatSentThem() {
		assertThat(writeFix(DataAccess.HIBERNATE, "insert into pet (name,owner_id,id) values (?,?,?)"))
			.isEqualTo("let Hibernate send them as JDBC batches (an entity whose id is an IDENTITY column is never "
					+ "inserted in batches: a sequence lets it be) (spring.jpa.properties.hibernate.jdbc.batch_size=50 "
					+ "and spring.jpa.properties.hibernate.order_inserts=true)");
		assertThat(writeFix(DataAccess.SPRING_DATA_JDBC, "INSERT INTO `visit` (`pet_id`) VALUES (?)")).isEqualTo(
				"save the aggregates together: saveAll sends their statements as batches (repository.saveAll(aggregates))");
	}

	@Test
	void aJdbcBatchIsNotUnbatched() {
		String insert = "INSERT INTO pet_tag (pet_id, tag_id) VALUES (?, ?)";

		assertThat(this.detector.findings(new RecordedStatements().batchesOf(25).ran(insert, 0, 1L, 1L).list()))
			.isEmpty();
	}

	@Test
	void theNextValueOfASequenceIsNeitherADuplicateNorAWrite() {
		RecordedStatements statements = new RecordedStatements();
		for (int i = 0; i < 12; i++) {
			statements.ran("select next value for pet_seq", 1).ran("select nextval('owner_seq')", 1);
		}

		assertThat(this.detector.findings(statements.list())).isEmpty();
	}

	@Test
	void namesAreReadThroughBackticksBracketsDoubleQuotesAndSchemas() {
		assertThat(lookupFix("SELECT `vet_specialty`.`specialty` AS `specialty` FROM `clinic`.`vet_specialty` "
				+ "WHERE `vet_specialty`.`vet` = ?"))
			.endsWith("(SELECT … FROM vet_specialty WHERE vet IN (:ids))");
		assertThat(lookupFix("SELECT [p].[name] FROM [dbo].[Pet] [p] WHERE [p].[Owner_Id] = ?"))
			.endsWith("(SELECT … FROM pet WHERE owner_id IN (:ids))");
		assertThat(lookupFix("SELECT \"pet\".\"name\" FROM \"public\".\"pet\" WHERE \"pet\".\"owner_id\" = ?"))
			.endsWith("(SELECT … FROM pet WHERE owner_id IN (:ids))");
		assertThat(NPlusOneDetector.tableOf("SELECT `vet`.`id` AS `id` FROM `vet`")).isEqualTo("vet");
	}

	/** The fix of a per-row lookup run on MariaDB by JDBC code. */
	private String lookupFix(String sql) {
		List<Finding> findings = this.detector.findings(new RecordedStatements().on(MARIADB)
			.ran("SELECT id FROM owner", 2)
			.ran(sql, 1, 1L)
			.ran(sql, 1, 2L)
			.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Kind.N_PLUS_ONE);
		return findings.get(0).suggestion().text();
	}

	private String writeFix(DataAccess issuer, String sql) {
		RecordedStatements statements = new RecordedStatements().issuedBy(issuer);
		for (long i = 0; i < 10; i++) {
			statements.ran(sql, 0, "a", i, i);
		}
		return this.detector.findings(statements.list()).get(0).suggestion().text();
	}

}
