package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Source;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's own fixes, word for word, for each kind of code that issued the
 * statements and each database they ran on: plain JDBC binds the collected keys as one
 * array on PostgreSQL and as an expanded {@code IN (:ids)} list elsewhere, Spring Data
 * JDBC is told of its repository methods, other frameworks get the SQL alone, and a
 * lookup of the very rows the list read is answered by selecting its columns there.
 */
class BuiltInSuggestionsTests {

	private static final Database POSTGRESQL = Database.of("PostgreSQL", "17.6");

	private static final Database MARIADB = Database.of("MariaDB", "10.11.19-MariaDB-0+deb12u1");

	private static final Database MYSQL = Database.of("MySQL", "8.4.6");

	private static final Source BOOKS = new Source(1, "SELECT id FROM book ORDER BY id", 20, DataAccess.JDBC);

	private static final Source AUTHORS = new Source(1, "SELECT id, book_id FROM author", 20, DataAccess.JDBC);

	private final BuiltInSuggestions suggestions = new BuiltInSuggestions();

	@Test
	void aLookupByIdOfTheRowsTheListReadSelectsItsPlainColumnsInTheList() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, POSTGRESQL, "book", "id", false, List.of("title", "price"),
				BOOKS, null);

		assertThat(text(lookup)).isEqualTo("select title, price in the statement that read the book rows "
				+ "(SELECT …, book.title, book.price FROM book …)");
	}

	@Test
	void aLookupByIdOfTheRowsTheListReadThatSelectsMoreThanColumnsSelectsAllOfThem() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, POSTGRESQL, "book", "id", false, List.of(), BOOKS, null);

		assertThat(text(lookup))
			.isEqualTo("select the columns of book in the statement that read its rows (SELECT …, book.* FROM book …)");
	}

	/** Mutant killed: the table comparison with the list's negated. */
	@Test
	void aLookupByIdOfRowsOtherThanTheListsLoadsThemAllAtOnce() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, POSTGRESQL, "book", "id", false, List.of("title"), AUTHORS,
				null);

		assertThat(text(lookup)).isEqualTo("load book by id for all rows at once, binding the collected ids as one "
				+ "Long[] (SELECT … FROM book WHERE id = ANY(?))");
	}

	/** Mutant killed: the key's type null check negated, which binds a Long[] anyway. */
	@Test
	void jdbcOnPostgresqlBindsTheKeysAsOneArrayOfTheKeysOwnType() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, POSTGRESQL, "tag", "code", false, List.of(), null, "String");

		assertThat(text(lookup)).isEqualTo("load tag rows by code for all parents at once, binding the collected code "
				+ "values as one String[] (SELECT … FROM tag WHERE code = ANY(?))");
	}

	/**
	 * Mutant killed: {@code bindsArrays()} negated, which would bind an array on MySQL.
	 */
	@Test
	void jdbcOnMysqlListsTheKeysForJdbcClientToExpand() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, MYSQL, "pet", "owner_id", false, List.of(), AUTHORS, "Long");

		assertThat(text(lookup)).isEqualTo("load pet rows by owner_id for all parents at once, with the collected "
				+ "owner_id values as :ids, which JdbcClient or NamedParameterJdbcTemplate expands "
				+ "(SELECT … FROM pet WHERE owner_id IN (:ids))");
	}

	@Test
	void jdbcAggregatesPerParentAreOneGroupedStatement() {
		RepeatedLookup lookup = lookup(DataAccess.JDBC, POSTGRESQL, "visit", "pet_id", true, List.of(), null, null);

		assertThat(text(lookup)).isEqualTo("aggregate visit by pet_id for all parents at once, binding the collected "
				+ "pet_id values as one Long[] (SELECT pet_id, … FROM visit WHERE pet_id = ANY(?) GROUP BY pet_id)");
	}

	/** Code the starter does not know binds nothing of JDBC's: the SQL alone. */
	@Test
	void anotherFrameworkIsGivenTheStatementWithoutJdbcBinding() {
		RepeatedLookup lookup = lookup(DataAccess.OTHER, POSTGRESQL, "pet", "owner_id", false, List.of(), null, "Long");

		assertThat(text(lookup)).isEqualTo("load pet rows by owner_id for all parents at once, with the collected "
				+ "owner_id values (SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	@Test
	void springDataJdbcAggregatesPerParentInOneRepositoryQuery() {
		RepeatedLookup lookup = lookup(DataAccess.SPRING_DATA_JDBC, MARIADB, "visit", "pet_id", true, List.of(), null,
				null);

		assertThat(text(lookup)).isEqualTo("aggregate visit by pet_id for all parents in one repository query "
				+ "(@Query(\"SELECT pet_id, … FROM visit WHERE pet_id IN (:ids) GROUP BY pet_id\"))");
	}

	@Test
	void springDataJdbcLoadsAggregatesByIdWithFindAllById() {
		RepeatedLookup lookup = lookup(DataAccess.SPRING_DATA_JDBC, POSTGRESQL, "owner", "id", false, List.of(),
				AUTHORS, null);

		assertThat(text(lookup))
			.isEqualTo("load the owner aggregates of all rows at once, with the collected ids (findAllById(ids))");
	}

	@Test
	void springDataJdbcLoadsRowsByAnotherColumnWithADerivedQueryOverAllKeys() {
		RepeatedLookup lookup = lookup(DataAccess.SPRING_DATA_JDBC, POSTGRESQL, "pet", "owner_id", false, List.of(),
				null, null);

		assertThat(text(lookup)).isEqualTo("load pet rows by owner_id for all parents in one repository query "
				+ "(a derived query findBy…In(Collection<…> ids), or @Query(\"SELECT … FROM pet WHERE owner_id = ANY(?)\"))");
	}

	/**
	 * Hibernate answers a second lookup by id from its persistence context within one
	 * transaction; any other duplicate read is passed on. Mutants killed: the by-id test
	 * negated, and the detector's {@code byId} made always true or always false.
	 */
	@Test
	void aHibernateDuplicateByIdCanBeAnsweredByOneTransactionAndAnyOtherIsPassedOn() {
		String onward = "read it once: pass the first result on, fetched with what the later read needs (JOIN FETCH), "
				+ "so that no lazy association is read after its transaction";

		assertThat(duplicateFix(RecordedStatements.unseen("select o1_0.id,o1_0.name from owner o1_0 where o1_0.id=?")))
			.isEqualTo(onward + "; or run both reads in one transaction, whose persistence context answers the second "
					+ "lookup by id without a statement (pass the entity on, or one @Transactional(readOnly = true) "
					+ "method around both reads)");
		assertThat(
				duplicateFix(RecordedStatements.unseen("select p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id=?")))
			.isEqualTo(onward + " (pass the result on, fetched with JOIN FETCH or an @EntityGraph)");
	}

	private String duplicateFix(String sql) {
		StatementRecord statement = new RecordedStatements().issuedBy(DataAccess.HIBERNATE)
			.ran(sql, 1, 1L)
			.list()
			.get(0);
		return this.suggestions.forDuplicate(statement, 2).text();
	}

	private String text(RepeatedLookup lookup) {
		return this.suggestions.suggest(lookup).text();
	}

	private static RepeatedLookup lookup(DataAccess issuer, Database database, String table, String column,
			boolean aggregate, List<String> columns, @Nullable Source source, @Nullable String keyType) {
		String sql = "SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE " + column + " = ?";
		return new RepeatedLookup(sql, "BookList.java:40", 20, 20, table, column, table, aggregate, false, columns,
				source, issuer, database, null, keyType);
	}

}
