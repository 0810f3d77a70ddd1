package dev.nplusonelab.diagnostics.detect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.example.shop.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;
import dev.nplusonelab.diagnostics.detect.IndexHints.Filter;
import dev.nplusonelab.diagnostics.detect.IndexHints.Identifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missing-index hints: the column a repeated statement filters on, read from its text
 * through aliases, quotes and schemas; and the indexes of its table, read from a real
 * PostgreSQL's metadata, where only an index's leading column counts.
 */
class IndexHintsTests {

	private static final DataSource POSTGRES = TestDatabase.dataSource("postgres");

	@BeforeAll
	static void tables() throws SQLException {
		execute("""
				CREATE SCHEMA ih_other;
				CREATE TABLE ih_visit (id bigint PRIMARY KEY, pet_id bigint NOT NULL, vet_id bigint NOT NULL,
				  visit_date date NOT NULL, room int NOT NULL);
				CREATE INDEX ih_visit_vet_date ON ih_visit (vet_id, visit_date);
				CREATE INDEX ih_visit_room_idx ON ih_visit (id, room);
				CREATE TABLE "IhPet" ("Id" bigint PRIMARY KEY, "OwnerId" bigint NOT NULL);
				CREATE TABLE ih_other.ih_stay (id bigint PRIMARY KEY, pet_id bigint NOT NULL);
				""");
	}

	@AfterAll
	static void dropTables() throws SQLException {
		execute("DROP TABLE ih_visit; DROP TABLE \"IhPet\"; DROP SCHEMA ih_other CASCADE");
	}

	@Test
	void theKeyOfAnAliasedHibernateLookupIsReadWithItsTable() {
		Filter filter = IndexHints.filter("select v1_0.id,v1_0.pet_id from ih_visit v1_0 where v1_0.pet_id=?");

		assertThat(filter.table().written()).isEqualTo("ih_visit");
		assertThat(filter.key().written()).isEqualTo("pet_id");
	}

	@Test
	void aJoinedTableIsFoundByItsAlias() {
		Filter filter = IndexHints
			.filter("SELECT p.name FROM pet p JOIN owner o ON o.id = p.owner_id WHERE o.city = ? AND p.age > ?");

		assertThat(filter.table().written()).isEqualTo("owner");
		assertThat(filter.key().written()).isEqualTo("city");
		assertThat(filter.columns()).extracting(Identifier::written).containsExactly("city");
	}

	@Test
	void quotesAndSchemasAreKeptAsWrittenAndTheOtherConditionsAreRead() {
		Filter filter = IndexHints.filter(
				"SELECT * FROM \"public\".\"Visit\" v WHERE v.\"petId\" IN (?, ?) AND v.day BETWEEN ? AND ? ORDER BY 1");

		assertThat(filter.table().written()).isEqualTo("\"public\".\"Visit\"");
		assertThat(filter.key()).isEqualTo(new Identifier("\"petId\"", "petId", true));
		assertThat(filter.columns()).extracting(Identifier::name).containsExactly("petId", "day");
		assertThat(IndexHints.filter("SELECT * FROM `shop`.`book` WHERE `author_id` = ?").table().written())
			.isEqualTo("`shop`.`book`");
	}

	@Test
	void theKeyIsTheFirstColumnLookedUpByABoundValueAndTheOtherConditionsCountToo() {
		Filter filter = IndexHints
			.filter("select p1_0.id from pet p1_0 where p1_0.deleted=false and p1_0.born>? and p1_0.owner_id=?");

		assertThat(filter.key().written()).isEqualTo("owner_id");
		assertThat(filter.columns()).extracting(Identifier::written).containsExactly("deleted", "born", "owner_id");
		assertThat(IndexHints.filter("SELECT * FROM pet WHERE owner_id = 3")).isNull();
	}

	@Test
	void aStatementWhosePlanCannotBeToldFromItsTextHasNoFilter() {
		assertThat(IndexHints.filter("SELECT * FROM visit WHERE pet_id = ? OR vet_id = ?")).isNull();
		assertThat(IndexHints.filter("SELECT * FROM visit WHERE pet_id IN (SELECT id FROM pet WHERE owner = ?)"))
			.isNull();
		assertThat(IndexHints.filter("SELECT * FROM visit WHERE lower(note) = ? AND pet_id = ?")).isNull();
		assertThat(IndexHints.filter("SELECT * FROM visit v JOIN pet p ON p.id = v.pet_id WHERE name = ?")).isNull();
		assertThat(IndexHints.filter("SELECT * FROM visit v, pet p WHERE v.pet_id = p.id")).isNull();
		assertThat(IndexHints.filter("SELECT * FROM visit")).isNull();
	}

	@Test
	void aLookupByAColumnNoIndexLeadsSaysSoAndTheIndexItSuggestsIsValidAndEndsIt() throws SQLException {
		AtomicLong clock = new AtomicLong();
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10), clock::get);
		String byPet = "SELECT id, visit_date FROM ih_visit WHERE pet_id = ?";

		Finding finding = hints.annotate(List.of(lookups(byPet, 6))).get(0);

		assertThat(finding.indexHint())
			.isEqualTo(new IndexHint("ih_visit", "pet_id", "CREATE INDEX ih_visit_pet_id_idx ON ih_visit (pet_id)"));
		assertThat(finding.indexHintText())
			.isEqualTo("no index on ih_visit.pet_id: each of the 6 lookups scans the table");
		assertThat(finding.message()).endsWith(
				". Also no index on ih_visit.pet_id: each of the 6 lookups scans the table (CREATE INDEX ih_visit_pet_id_idx ON ih_visit (pet_id))");
		execute(finding.indexHint().create());
		try {
			// Still trusted: what was read stays until it is refreshed.
			assertThat(hints.annotate(List.of(lookups(byPet, 6))).get(0).indexHint()).isNotNull();
			assertThat(hints.reads()).isEqualTo(1);
			clock.addAndGet(Duration.ofMinutes(10).toNanos());

			assertThat(hints.annotate(List.of(lookups(byPet, 6))).get(0).indexHint()).isNull();
			assertThat(hints.reads()).isEqualTo(2);
		}
		finally {
			execute("DROP INDEX ih_visit_pet_id_idx");
		}
	}

	@Test
	void theLeadingColumnOfAnIndexOrOfThePrimaryKeyCountsAndALaterOneDoesNot() {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10));

		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE id = ?")).isNull();
		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE vet_id = ?")).isNull();
		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE visit_date = ?")).isEqualTo(new IndexHint("ih_visit",
				"visit_date", "CREATE INDEX ih_visit_visit_date_idx ON ih_visit (visit_date)"));
		// The database may look the rows up by vet_id instead.
		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE visit_date = ? AND vet_id = ?")).isNull();
		assertThat(hints.reads()).isEqualTo(1);
	}

	@Test
	void anIndexNameAlreadyTakenIsNotSuggestedAgain() {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10));

		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE room = ?").create())
			.isEqualTo("CREATE INDEX ih_visit_room_idx2 ON ih_visit (room)");
	}

	@Test
	void quotedNamesAreMatchedExactlyAndWrittenWithTheirQuotes() throws SQLException {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ZERO);
		String byOwner = "SELECT p.\"Id\" FROM \"IhPet\" p WHERE p.\"OwnerId\" = ?";

		IndexHint hint = hint(hints, byOwner);

		assertThat(hint)
			.isEqualTo(new IndexHint("IhPet", "OwnerId", "CREATE INDEX ihpet_ownerid_idx ON \"IhPet\" (\"OwnerId\")"));
		assertThat(hint(hints, "SELECT * FROM \"IhPet\" WHERE \"Id\" = ?")).isNull();
		// Unquoted, PostgreSQL folds the names to ihpet and ownerid, which it does not
		// have.
		assertThat(hint(hints, "SELECT * FROM IhPet WHERE OwnerId = ?")).isNull();
		assertThat(hint(hints, "SELECT * FROM \"IhPet\" WHERE OwnerId = ?")).isNull();
		execute(hint.create());
		try {
			assertThat(hint(hints, byOwner)).isNull();
		}
		finally {
			execute("DROP INDEX ihpet_ownerid_idx");
		}
	}

	@Test
	void aTableIsFoundInTheSchemaTheStatementNamesOrAloneOnTheSearchPath() throws SQLException {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ZERO);

		assertThat(hint(hints, "SELECT * FROM ih_other.ih_stay WHERE pet_id = ?").create())
			.isEqualTo("CREATE INDEX ih_stay_pet_id_idx ON ih_other.ih_stay (pet_id)");
		// On the search path of the application's connections, not in the current
		// schema: the only table of that name.
		assertThat(hint(hints, "SELECT * FROM ih_stay WHERE pet_id = ?")).isNotNull();
	}

	@Test
	void aColumnOrTableTheDatabaseDoesNotHaveGetsNoHint() {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10));

		assertThat(hint(hints, "SELECT * FROM ih_visit WHERE pet = ?")).isNull();
		assertThat(hint(hints, "SELECT * FROM ih_nothing WHERE pet_id = ?")).isNull();
	}

	@Test
	void aDatabaseThatCannotBeAskedLeavesTheFindingsAsTheyAre() {
		IndexHints hints = new IndexHints(new Unreachable(Duration.ZERO), Duration.ofMinutes(10));
		Finding finding = lookups("SELECT * FROM ih_visit WHERE pet_id = ?", 6);

		assertThat(hints.annotate(List.of(finding))).containsExactly(finding);
	}

	@Test
	void aRequestWaitsForASlowReadNoLongerThanItsLimitAndGoesOnWithoutTheHint() {
		IndexHints hints = new IndexHints(new Unreachable(Duration.ofSeconds(5)), Duration.ofMinutes(10));
		Finding finding = lookups("SELECT * FROM ih_visit WHERE pet_id = ?", 6);
		long started = System.nanoTime();

		List<Finding> annotated = hints.annotate(List.of(finding));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IndexHints.WAIT.multipliedBy(3));
		assertThat(annotated).containsExactly(finding);
	}

	@Test
	void onlyRepeatedLookupsAndUpdatesOrDeletesSentOneAtATimeGetAHint() {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10));
		String update = "UPDATE ih_visit SET room = ? WHERE pet_id = ?";

		List<Finding> findings = hints
			.annotate(List.of(finding(Kind.DUPLICATE, "SELECT * FROM ih_visit WHERE pet_id = ?", 3),
					finding(Kind.UNBATCHED_WRITES, update, 12),
					finding(Kind.UNBATCHED_WRITES,
							"INSERT INTO ih_visit (pet_id) SELECT pet_id FROM ih_visit WHERE pet_id = ?", 12),
					finding(Kind.LARGE_VALUES, "SELECT * FROM ih_visit WHERE pet_id = ?", 12)));

		assertThat(findings).extracting(Finding::indexHintText)
			.containsExactly("no index on ih_visit.pet_id: each of the 3 runs scans the table",
					"no index on ih_visit.pet_id: each of the 12 UPDATE statements scans the table", null, null);
	}

	@Test
	void eachLookupOfALoopGetsItsOwnHintAndTheLoopSaysSo() {
		IndexHints hints = new IndexHints(POSTGRES, Duration.ofMinutes(10));
		Finding byPet = lookups("SELECT * FROM ih_visit WHERE pet_id = ?", 4);
		Finding byId = lookups("SELECT * FROM ih_visit WHERE id = ?", 4);
		Finding loop = new Finding(Kind.LOOP, byPet.sql(), "VisitReader.java:12", 8, 4, 2.0, List.of(2, 3, 4, 5), null,
				null, List.of(new Site("VisitReader.java:12", 8)), null, List.of(byPet, byId), 0);

		Finding annotated = hints.annotate(List.of(loop)).get(0);

		assertThat(annotated.indexHint()).isNull();
		assertThat(annotated.members()).extracting(Finding::indexHintText)
			.containsExactly("no index on ih_visit.pet_id: each of the 4 lookups scans the table", null);
		assertThat(annotated.message()).endsWith(
				". Also no index on ih_visit.pet_id: each of the 4 lookups scans the table (CREATE INDEX ih_visit_pet_id_idx ON ih_visit (pet_id))");
	}

	@Test
	void theDiagnosticsHintOnlyWhenIndexHintsAreOn() {
		RequestReport report = new RecordedStatements().ran("SELECT id FROM ih_visit", 3)
			.ran("SELECT * FROM ih_visit WHERE pet_id = ?", 1, 1L)
			.ran("SELECT * FROM ih_visit WHERE pet_id = ?", 1, 2L)
			.ran("SELECT * FROM ih_visit WHERE pet_id = ?", 1, 3L)
			.report();
		NPlusOneProperties properties = new NPlusOneProperties();

		assertThat(new SqlDiagnostics(new NPlusOneDetector(), properties, SqlRuleScope.EVERY_REQUEST, POSTGRES)
			.findings(report)).singleElement()
			.extracting(Finding::indexHintText)
			.isEqualTo("no index on ih_visit.pet_id: each of the 3 lookups scans the table");
		properties.getIndexHints().setEnabled(false);
		assertThat(new SqlDiagnostics(new NPlusOneDetector(), properties, SqlRuleScope.EVERY_REQUEST, POSTGRES)
			.findings(report)).singleElement().extracting(Finding::indexHint).isNull();
	}

	@Test
	void aSuggestedNameStaysWithinWhatEveryDatabaseAccepts() {
		String longName = "a_table_with_a_name_far_longer_than_anyone_should_write_really";
		String create = IndexHints.create(new IndexHints.Table(null, Identifier.of(longName)), Identifier.of("column"),
				Set.of());

		assertThat(create.split(" ")[2]).hasSizeLessThanOrEqualTo(63).endsWith("_idx");
		assertThat(IndexHints.create(new IndexHints.Table(null, Identifier.of("\"2020 Sales\"")),
				Identifier.of("\"Region\""), Set.of()))
			.isEqualTo("CREATE INDEX ix_2020_sales_region_idx ON \"2020 Sales\" (\"Region\")");
	}

	private static IndexHint hint(IndexHints hints, String sql) {
		return hints.annotate(List.of(lookups(sql, 4))).get(0).indexHint();
	}

	private static Finding lookups(String sql, int count) {
		return finding(Kind.N_PLUS_ONE, sql, count);
	}

	private static Finding finding(Kind kind, String sql, int count) {
		return new Finding(kind, sql, "VisitReader.java:12", count, count, 1.0, List.of(2, 3), null, null,
				List.of(new Site("VisitReader.java:12", count)), null);
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = POSTGRES.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A pool with no connection to give, after trying for a while. */
	private static final class Unreachable implements DataSource {

		private final Duration trying;

		Unreachable(Duration trying) {
			this.trying = trying;
		}

		@Override
		public Connection getConnection() throws SQLException {
			try {
				Thread.sleep(this.trying.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new SQLException(
					"Connection is not available, request timed out after " + this.trying.toMillis() + "ms");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}

	}

}
