package dev.nplusonelab.diagnostics.detect;

import java.util.List;
import java.util.regex.Pattern;

import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.capture.Statements;

/**
 * The fixes the starter names without reading the application's mapping, asked after the
 * application's own suggesters and the mapping ones. They speak the language of the code
 * that issued the statements:
 * <ul>
 * <li>plain JDBC ({@code JdbcTemplate}, {@code JdbcClient}): one statement for all rows,
 * with the collected keys, in an {@code IN (:ids)} list, or bound as one array with
 * {@code = ANY(?)} on PostgreSQL, the only database that takes one;</li>
 * <li>Hibernate: a query or a repository method over all the keys, never JDBC;</li>
 * <li>Spring Data JDBC: {@code findAllById}, or a repository method over all the
 * keys;</li>
 * <li>another framework, or code not known (call sites off): the SQL alone.</li>
 * </ul>
 */
final class BuiltInSuggestions implements FixSuggester {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	@Override
	public Suggestion suggest(RepeatedLookup lookup) {
		String table = lookup.table();
		if (lookup.byId() && table.equals(lookup.sourceTable())) {
			if (lookup.columns().isEmpty()) {
				return new Suggestion("select", List.of(),
						"select the columns of " + table + " in the statement that read its rows",
						"SELECT …, " + table + ".* FROM " + table + " …");
			}
			String columns = String.join(", ", lookup.columns());
			String qualified = String.join(", ", lookup.columns().stream().map((c) -> table + "." + c).toList());
			return new Suggestion("select", List.of(),
					"select " + columns + " in the statement that read the " + table + " rows",
					"SELECT …, " + qualified + " FROM " + table + " …");
		}
		return switch (lookup.issuer()) {
			case HIBERNATE -> hibernate(lookup);
			case SPRING_DATA_JDBC -> dataJdbc(lookup);
			default -> sql(lookup);
		};
	}

	/**
	 * Batches smaller than the list: for Hibernate, a batch size that takes every key or
	 * a fetch join; for code that chunks the keys itself, one statement with all of them.
	 */
	@Override
	public Suggestion suggestForBatches(RepeatedLookup lookup, int keys) {
		String table = lookup.table();
		String column = lookup.column();
		String all = "all " + keys + " " + (lookup.byId() ? "ids" : column + " values");
		return switch (lookup.issuer()) {
			case HIBERNATE -> new Suggestion("batch", List.of(),
					"load the " + keys + " keys in one batch: a batch size of at least " + keys
							+ ", on the association with @BatchSize or for all of them, or a fetch join in the "
							+ "list's query",
					"spring.jpa.properties.hibernate.default_batch_fetch_size=" + keys + ", or @BatchSize(size = "
							+ keys + ") on the association, or JOIN FETCH in the list's query");
			case SPRING_DATA_JDBC -> lookup.byId()
					? new Suggestion("load", List.of(), "call findAllById once, with " + all + ", not once per chunk",
							"findAllById(ids)")
					: new Suggestion("load", List.of(),
							"load the " + table + " rows in one repository query with " + all + ", not one per chunk",
							"a derived query findBy…In(Collection<…> values) called once, or @Query(\"SELECT … FROM "
									+ table + " WHERE " + keys(lookup, column) + "\")");
			default -> new Suggestion(
					"load", List.of(), "load the " + table + " rows in one statement with " + all
							+ ", not one statement per chunk, " + binding(lookup),
					"SELECT … FROM " + table + " WHERE " + keys(lookup, column));
		};
	}

	@Override
	public Suggestion suggestForLargeValues(StatementRecord statement) {
		return new Suggestion("project", List.of(), "select only the columns the page shows",
				"SELECT the columns instead of SELECT *");
	}

	/**
	 * The keys in one statement: {@code = ANY(?)} bound to one array on PostgreSQL, an
	 * {@code IN} list elsewhere.
	 */
	private static String keys(RepeatedLookup lookup, String column) {
		return lookup.database().bindsArrays() ? column + " = ANY(?)" : column + " IN (:ids)";
	}

	/**
	 * How the collected keys reach the statement: for code that calls JDBC itself, as one
	 * array on PostgreSQL, else as a list that {@code JdbcClient} or
	 * {@code NamedParameterJdbcTemplate} expands.
	 */
	private static String binding(RepeatedLookup lookup) {
		String values = lookup.byId() ? "ids" : lookup.column() + " values";
		if (lookup.issuer() != DataAccess.JDBC) {
			return "with the collected " + values;
		}
		if (lookup.database().bindsArrays()) {
			String type = (lookup.keyType() != null) ? lookup.keyType() : "Long";
			return "binding the collected " + values + " as one " + type + "[]";
		}
		return "with the collected " + values + " as :ids, which JdbcClient or NamedParameterJdbcTemplate expands";
	}

	private static Suggestion sql(RepeatedLookup lookup) {
		String table = lookup.table();
		String column = lookup.column();
		if (lookup.aggregate()) {
			return new Suggestion("aggregate", List.of(),
					"aggregate " + table + " by " + column + " for all parents at once, " + binding(lookup), "SELECT "
							+ column + ", … FROM " + table + " WHERE " + keys(lookup, column) + " GROUP BY " + column);
		}
		String what = lookup.byId() ? table + " by id for all rows at once"
				: table + " rows by " + column + " for all parents at once";
		return new Suggestion("load", List.of(), "load " + what + ", " + binding(lookup),
				"SELECT … FROM " + table + " WHERE " + keys(lookup, column));
	}

	private static Suggestion hibernate(RepeatedLookup lookup) {
		String table = lookup.table();
		if (lookup.aggregate()) {
			return new Suggestion("aggregate", List.of(),
					"compute it in the query that reads the list, for every row at once",
					"a subquery in the select list, or a join with GROUP BY, in that query's JPQL");
		}
		if (lookup.byId()) {
			return new Suggestion("load", List.of(),
					"load the " + table + " rows of all rows at once: join fetch the association that refers to them "
							+ "in the list's query, or look them up together with the collected ids",
					"JOIN FETCH in the list's query, or findAllById(ids)");
		}
		return new Suggestion("load", List.of(),
				"load the " + table + " rows of all parents in one query, by " + lookup.column(),
				"a JPQL query WHERE the association IN :parents, or a fetch join in the list's query");
	}

	private static Suggestion dataJdbc(RepeatedLookup lookup) {
		String table = lookup.table();
		if (lookup.aggregate()) {
			return new Suggestion("aggregate", List.of(),
					"aggregate " + table + " by " + lookup.column() + " for all parents in one repository query",
					"@Query(\"SELECT " + lookup.column() + ", … FROM " + table + " WHERE "
							+ keys(lookup, lookup.column()) + " GROUP BY " + lookup.column() + "\")");
		}
		if (lookup.byId()) {
			return new Suggestion("load", List.of(),
					"load the " + table + " aggregates of all rows at once, with the collected ids",
					"findAllById(ids)");
		}
		return new Suggestion("load", List.of(),
				"load " + table + " rows by " + lookup.column() + " for all parents in one repository query",
				"a derived query findBy…In(Collection<…> ids), or @Query(\"SELECT … FROM " + table + " WHERE "
						+ keys(lookup, lookup.column()) + "\")");
	}

	/**
	 * The fix for a read asked for again with the same values: keep the first answer.
	 * @param sites how many lines asked
	 */
	Suggestion forDuplicate(StatementRecord statement, int sites) {
		if (statement.fingerprint().indexOf('?') < 0) {
			return new Suggestion("reuse", List.of(),
					"run it once and reuse its rows: nothing in it changes from one run to the next",
					"call it before the loop, or cache it with @Cacheable");
		}
		if (statement.issuer() == DataAccess.HIBERNATE) {
			// A @ModelAttribute method runs before the handler's transaction, and an
			// entity
			// passed on leaves it: what the other line reads must come fetched with it.
			String onward = "pass the first result on, fetched with what the later read needs (JOIN FETCH), so "
					+ "that no lazy association is read after its transaction";
			if (NPlusOneDetector.byId(statement.sql())) {
				return new Suggestion("reuse", List.of(),
						"read it once: " + onward + "; or run both reads in one transaction, whose persistence "
								+ "context answers the second lookup by id without a statement",
						"pass the entity on, or one @Transactional(readOnly = true) method around both reads");
			}
			return new Suggestion("reuse", List.of(), "read it once: " + onward,
					"pass the result on, fetched with JOIN FETCH or an @EntityGraph");
		}
		return new Suggestion("reuse", List.of(), "reuse the first answer instead of asking again",
				(sites > 1) ? "pass the first result on to the other line, or cache it with @Cacheable"
						: "keep the first result, or cache it with @Cacheable");
	}

	/** The fix for writes sent one at a time from one line: one batch. */
	Suggestion forWrites(StatementRecord statement) {
		Suggestion batch = batch(statement);
		if (!statement.database().connectorJ()) {
			return batch;
		}
		return new Suggestion(batch.action(), batch.relations(),
				batch.summary() + "; MySQL's Connector/J sends a batch one statement at a time unless the JDBC URL "
						+ "has rewriteBatchedStatements=true",
				batch.code() + ", with rewriteBatchedStatements=true on the JDBC URL");
	}

	private static Suggestion batch(StatementRecord statement) {
		String verb = Statements.verb(statement.sql());
		return switch (statement.issuer()) {
			case HIBERNATE -> new Suggestion("batch", List.of(),
					"let Hibernate send them as JDBC batches (an entity whose id is an IDENTITY column is never "
							+ "inserted in batches: a sequence lets it be)",
					"spring.jpa.properties.hibernate.jdbc.batch_size=50 and " + "spring.jpa.properties.hibernate.order_"
							+ (verb.equals("UPDATE") ? "updates" : "inserts") + "=true");
			case SPRING_DATA_JDBC -> new Suggestion("batch", List.of(),
					"save the aggregates together: saveAll sends their statements as batches",
					"repository.saveAll(aggregates)");
			case JDBC -> new Suggestion("batch", List.of(), "send them as one JDBC batch", "jdbcTemplate.batchUpdate(\""
					+ WHITESPACE.matcher(statement.sql().strip()).replaceAll(" ") + "\", rows)");
			default -> new Suggestion("batch", List.of(), "send them as one batch",
					"JDBC addBatch and executeBatch, or the batch API of the code that sends them");
		};
	}

}
