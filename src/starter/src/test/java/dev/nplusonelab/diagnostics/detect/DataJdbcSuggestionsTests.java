package dev.nplusonelab.diagnostics.detect;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixes named from Spring Data JDBC's mapping context, for the SQL Spring Data JDBC
 * sends: an owned collection loaded with each aggregate by its back-reference (a
 * {@code Set} or a {@code Map}), a reference to another aggregate looked up once per row
 * of the list that holds it, and a repository call per row by an aggregate's id or by a
 * column a property maps. Where the mapping does not say which property a statement reads
 * (two that fit, a count, a filtered read, rows other code read, no mapping context),
 * none: the starter's own table-and-key fix stands. The mapping context is built here
 * without an application context or a database; the {@code @DataJdbcTest} in
 * {@code com.example.library} shows the same on statements Spring Data JDBC really sent.
 */
class DataJdbcSuggestionsTests {

	private static final String AUTHORS = "SELECT \"author\".\"id\" AS \"id\", \"author\".\"name\" AS \"name\" "
			+ "FROM \"author\"";

	private static final String AUTHOR_BY_ID = AUTHORS + " WHERE \"author\".\"id\" = ?";

	private static final String TITLES_OF_AUTHOR = "SELECT \"book\".\"title\" AS \"title\" FROM \"book\" "
			+ "WHERE \"book\".\"author_id\" = ?";

	private static final String BOOKS = "SELECT \"book\".\"id\" AS \"id\", \"book\".\"title\" AS \"title\", "
			+ "\"book\".\"author_id\" AS \"author_id\", \"book\".\"editor_id\" AS \"editor_id\", "
			+ "\"book\".\"shelf_id\" AS \"shelf_id\" FROM \"book\"";

	private static final String BOOK_BY_ID = BOOKS + " WHERE \"book\".\"id\" = ?";

	private static final String BOOKS_ON_SHELF = BOOKS + " WHERE \"book\".\"shelf_id\" = ?";

	private static final String CHAPTERS_OF_BOOK = "SELECT \"chapter\".\"heading\" AS \"heading\", "
			+ "\"chapter\".\"chapter_key\" AS \"chapter_key\" FROM \"chapter\" WHERE \"chapter\".\"book_id\" = ?";

	private static final String REVIEWS = "SELECT \"review\".\"id\" AS \"id\", \"review\".\"text\" AS \"text\", "
			+ "\"review\".\"book_id\" AS \"book_id\" FROM \"review\"";

	private static final String REVIEWS_OF_BOOK = REVIEWS + " WHERE \"review\".\"book_id\" = ?";

	private static final String TITLES_FIX = "load Author.titles for all Author aggregates at once by its "
			+ "back-reference book.author_id, not with each aggregate (SELECT … FROM book WHERE author_id = ANY(?))";

	private static final String BOOK_BY_ID_FIX = "load the Book aggregates of all rows at once, with the collected "
			+ "ids (findAllById(ids))";

	private static final String REVIEW_BOOK_FIX = "load the Book aggregates that Review.book refers to for all rows "
			+ "at once (findAllById with the collected ids)";

	@Test
	void anOwnedCollectionLoadedWithEachAggregateIsNamedByItsBackReference() {
		assertThat(fix(library(),
				dataJdbc().ran(AUTHORS, 3)
					.ran(TITLES_OF_AUTHOR, 2, 1L)
					.ran(TITLES_OF_AUTHOR, 1, 2L)
					.ran(TITLES_OF_AUTHOR, 0, 3L)))
			.isEqualTo(TITLES_FIX);
	}

	@Test
	void onMySqlTheBackReferencesAreListedInsteadOfBoundAsOneArray() {
		// Spring Data JDBC quotes names with backticks on MySQL: they are compared
		// without them.
		String titles = "SELECT `book`.`title` AS `title` FROM `book` WHERE `book`.`author_id` = ?";

		assertThat(fix(library(),
				dataJdbc().on(Database.of("MySQL", "8.4.3"))
					.ran("SELECT `author`.`id` AS `id`, `author`.`name` AS `name` FROM `author`", 2)
					.ran(titles, 1, 1L)
					.ran(titles, 1, 2L)))
			.isEqualTo("load Author.titles for all Author aggregates at once by its back-reference book.author_id, "
					+ "not with each aggregate (SELECT … FROM book WHERE author_id IN (:ids))");
	}

	@Test
	void aMapOfEntitiesIsAnOwnedCollectionToo() {
		assertThat(fix(library(), dataJdbc().ran(BOOKS, 2).ran(CHAPTERS_OF_BOOK, 3, 1L).ran(CHAPTERS_OF_BOOK, 2, 2L)))
			.isEqualTo("load Book.chapters for all Book aggregates at once by its back-reference chapter.book_id, "
					+ "not with each aggregate (SELECT … FROM chapter WHERE book_id = ANY(?))");
	}

	@Test
	void anOwnedCollectionIsNamedWhicheverListItsAggregatesWereLookedUpFor() {
		// Each author's titles, loaded with each author: the statement is Spring Data
		// JDBC loading Author.titles, with no list known or after a list of reviews.
		assertThat(fix(library(), dataJdbc().ran(TITLES_OF_AUTHOR, 1, 1L).ran(TITLES_OF_AUTHOR, 1, 2L)))
			.isEqualTo(TITLES_FIX);
		assertThat(fix(library(), dataJdbc().ran(REVIEWS, 2).ran(TITLES_OF_AUTHOR, 1, 1L).ran(TITLES_OF_AUTHOR, 1, 2L)))
			.isEqualTo(TITLES_FIX);
	}

	@Test
	void theListOfAnOwnedCollectionIsTheListOfItsAggregatesEvenWhenAnotherRanInBetween() {
		// The reviews came after the authors and returned as many rows: the authors are
		// the list because Author.titles leads from them to the titles (mutants:
		// leadsTo always true, or negated, take the reviews).
		List<Finding> findings = detector(library()).findings(dataJdbc().ran(AUTHORS, 2)
			.ran(REVIEWS, 2)
			.ran(TITLES_OF_AUTHOR, 1, 1L)
			.ran(TITLES_OF_AUTHOR, 1, 2L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.source().sql()).isEqualTo(AUTHORS);
			assertThat(finding.suggestion().text()).isEqualTo(TITLES_FIX);
		});
	}

	@Test
	void anAggregateLookedUpByEachRowsReferenceIsNamedByTheReference() {
		assertThat(fix(library(),
				dataJdbc().ran(REVIEWS, 3).ran(BOOK_BY_ID, 1, 1L).ran(BOOK_BY_ID, 1, 2L).ran(BOOK_BY_ID, 1, 3L)))
			.isEqualTo(REVIEW_BOOK_FIX);
	}

	@Test
	void aReferenceIsNotGuessedWithoutTheListThatHoldsIt() {
		// No list, or a list of authors, which hold no reference to a book: a
		// repository call per row by the book's id.
		assertThat(fix(library(), dataJdbc().ran(BOOK_BY_ID, 1, 1L).ran(BOOK_BY_ID, 1, 2L))).isEqualTo(BOOK_BY_ID_FIX);
		assertThat(fix(library(), dataJdbc().ran(AUTHORS, 2).ran(BOOK_BY_ID, 1, 1L).ran(BOOK_BY_ID, 1, 2L)))
			.isEqualTo(BOOK_BY_ID_FIX);
	}

	@Test
	void rowsThatOtherCodeReadHoldNoReferenceToFollow() {
		// The reviews came from a JdbcTemplate: no Review aggregate holds an
		// AggregateReference, so it is a lookup per row by id (mutant: a reference that
		// fits the lookup makes the lookup by id name nothing).
		RecordedStatements statements = new RecordedStatements().issuedBy(DataAccess.JDBC)
			.ran(REVIEWS, 2)
			.issuedBy(DataAccess.SPRING_DATA_JDBC)
			.ran(BOOK_BY_ID, 1, 1L)
			.ran(BOOK_BY_ID, 1, 2L);

		assertThat(fix(library(), statements)).isEqualTo(BOOK_BY_ID_FIX);
	}

	@Test
	void twoReferencesToTheSameAggregateAreNotNamed() {
		// Book.author and Book.editor both read an Author by id: which one the page
		// follows, the statements do not say.
		RecordedStatements statements = dataJdbc().ran(BOOKS, 2).ran(AUTHOR_BY_ID, 1, 1L).ran(AUTHOR_BY_ID, 1, 2L);

		assertThat(fix(library(), statements)).isEqualTo(builtInFix(statements))
			.isEqualTo("load the author aggregates of all rows at once, with the collected ids (findAllById(ids))");
	}

	@Test
	void aRepositoryCallPerRowByAReferenceIsADerivedQueryOverAllTheReferences() {
		assertThat(fix(library(), dataJdbc().ran(BOOKS, 2).ran(REVIEWS_OF_BOOK, 1, 1L).ran(REVIEWS_OF_BOOK, 1, 2L)))
			.isEqualTo("load the Review aggregates of all parents in one repository query, by book "
					+ "(List<Review> findByBookIn(Collection<AggregateReference<…>> books))");
	}

	@Test
	void aRepositoryCallPerRowByAColumnIsADerivedQueryOverAllItsValues() {
		assertThat(fix(library(), dataJdbc().ran(BOOKS_ON_SHELF, 2, 10L).ran(BOOKS_ON_SHELF, 1, 11L)))
			.isEqualTo("load the Book aggregates of all parents in one repository query, by shelfId "
					+ "(List<Book> findByShelfIdIn(Collection<Long> shelfIds))");
	}

	@Test
	void twoAggregatesOfOneTableLeaveTheLookupToTheStarter() {
		RecordedStatements statements = dataJdbc().ran(BOOK_BY_ID, 1, 1L).ran(BOOK_BY_ID, 1, 2L);

		assertThat(fix(context(Book.class, BookSummary.class), statements)).isEqualTo(builtInFix(statements))
			.startsWith("load the book aggregates");
	}

	@Test
	void aCountOrAFilteredReadIsNotTheCollectionNorARepositoryCall() {
		// Counted by the titles' back-reference, or by the column Review.book maps: a
		// count per row, which neither loading Author.titles nor findByBookIn answers.
		RecordedStatements titlesCounted = dataJdbc().ran(AUTHORS, 2)
			.ran("SELECT COUNT(*) FROM \"book\" WHERE \"book\".\"author_id\" = ?", 1, 1L)
			.ran("SELECT COUNT(*) FROM \"book\" WHERE \"book\".\"author_id\" = ?", 1, 2L);
		RecordedStatements reviewsCounted = dataJdbc().ran(BOOKS, 2)
			.ran("SELECT COUNT(*) FROM \"review\" WHERE \"review\".\"book_id\" = ?", 1, 1L)
			.ran("SELECT COUNT(*) FROM \"review\" WHERE \"review\".\"book_id\" = ?", 1, 2L);
		String filtered = REVIEWS + " WHERE \"review\".\"book_id\" = ? AND \"review\".\"text\" LIKE ?";
		RecordedStatements reviewsFiltered = dataJdbc().ran(BOOKS, 2)
			.ran(filtered, 1, 1L, "%good%")
			.ran(filtered, 1, 2L, "%good%");

		assertThat(fix(library(), titlesCounted)).isEqualTo(builtInFix(titlesCounted))
			.startsWith("aggregate book by author_id");
		assertThat(fix(library(), reviewsCounted)).isEqualTo(builtInFix(reviewsCounted))
			.startsWith("aggregate review by book_id");
		assertThat(fix(library(), reviewsFiltered)).isEqualTo(builtInFix(reviewsFiltered))
			.startsWith("load review rows by book_id");
	}

	@Test
	void theSameStatementsSentByJdbcCodeGetAJdbcFix() {
		RecordedStatements statements = new RecordedStatements().issuedBy(DataAccess.JDBC)
			.ran(AUTHORS, 2)
			.ran(TITLES_OF_AUTHOR, 1, 1L)
			.ran(TITLES_OF_AUTHOR, 1, 2L);

		assertThat(fix(library(), statements)).isEqualTo("load book rows by author_id for all parents at once, "
				+ "binding the collected author_id values as one Long[] (SELECT … FROM book WHERE author_id = ANY(?))");
	}

	@Test
	void withoutAMappingContextTheStartersFixStands() {
		RecordedStatements statements = dataJdbc().ran(AUTHORS, 2)
			.ran(TITLES_OF_AUTHOR, 1, 1L)
			.ran(TITLES_OF_AUTHOR, 1, 2L);

		assertThat(fix(detector(null), statements)).isEqualTo(builtInFix(statements))
			.startsWith("load book rows by author_id for all parents in one repository query");
	}

	@Test
	void anAggregateTheContextMapsLaterIsReadThen() {
		// The context maps an aggregate the first time it meets its type (here, Review,
		// and with it the Book it refers to): the suggester reads the relations again
		// when the context has more, not only the ones of its first finding.
		JdbcMappingContext context = context(Author.class);
		RecordedStatements titles = dataJdbc().ran(AUTHORS, 2)
			.ran(TITLES_OF_AUTHOR, 1, 1L)
			.ran(TITLES_OF_AUTHOR, 1, 2L);
		RecordedStatements books = dataJdbc().ran(REVIEWS, 2).ran(BOOK_BY_ID, 1, 1L).ran(BOOK_BY_ID, 1, 2L);
		NPlusOneDetector detector = detector(context);

		assertThat(fix(detector, titles)).isEqualTo(TITLES_FIX);
		assertThat(fix(detector, books)).isEqualTo(builtInFix(books));

		context.getRequiredPersistentEntity(Review.class);

		assertThat(fix(detector, books)).isEqualTo(REVIEW_BOOK_FIX);
	}

	/** Statements Spring Data JDBC sent, on PostgreSQL. */
	private static RecordedStatements dataJdbc() {
		return new RecordedStatements().issuedBy(DataAccess.SPRING_DATA_JDBC);
	}

	/** The aggregates of a library: authors with their titles, books, reviews. */
	private static JdbcMappingContext library() {
		return context(Author.class, Book.class, Review.class);
	}

	private static JdbcMappingContext context(Class<?>... aggregates) {
		JdbcMappingContext context = new JdbcMappingContext();
		for (Class<?> aggregate : aggregates) {
			context.getRequiredPersistentEntity(aggregate);
		}
		return context;
	}

	/**
	 * Looking the context up by type resolves every candidate bean, which cost more than
	 * the rest of a request's findings: it is looked up until found, then kept.
	 */
	@Test
	void theMappingContextIsLookedUpUntilFoundThenKept() {
		int[] lookups = new int[1];
		JdbcMappingContext[] available = new JdbcMappingContext[1];
		ObjectProvider<JdbcMappingContext> provider = new ObjectProvider<>() {

			// The suggestions must ask with getIfUnique, which answers null while no
			// context exists; getObject would throw then, so this test fails if it is
			// used.
			@Override
			public JdbcMappingContext getObject() {
				throw new UnsupportedOperationException();
			}

			@Override
			public @Nullable JdbcMappingContext getIfUnique() {
				lookups[0]++;
				return available[0];
			}

		};
		NPlusOneDetector detector = new NPlusOneDetector(List.of(new DataJdbcSuggestions(provider)));
		RecordedStatements statements = dataJdbc().ran(AUTHORS, 3)
			.ran(TITLES_OF_AUTHOR, 2, 1L)
			.ran(TITLES_OF_AUTHOR, 1, 2L)
			.ran(TITLES_OF_AUTHOR, 0, 3L);

		assertThat(fix(detector, statements)).isEqualTo(builtInFix(statements));
		int whileAbsent = lookups[0];
		assertThat(whileAbsent).isPositive();
		assertThat(fix(detector, statements)).isEqualTo(builtInFix(statements));
		assertThat(lookups[0]).as("asked again while there is none").isGreaterThan(whileAbsent);

		available[0] = library();
		assertThat(fix(detector, statements)).isEqualTo(TITLES_FIX);
		int found = lookups[0];
		assertThat(fix(detector, statements)).isEqualTo(TITLES_FIX);
		assertThat(fix(detector, statements)).isEqualTo(TITLES_FIX);
		assertThat(lookups[0]).as("kept once found").isEqualTo(found);
	}

	/** A detector with a suggester that reads {@code context}, or finds none. */
	private static NPlusOneDetector detector(@Nullable JdbcMappingContext context) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (context != null) {
			beans.registerSingleton("jdbcMappingContext", context);
		}
		return new NPlusOneDetector(List.of(new DataJdbcSuggestions(beans.getBeanProvider(JdbcMappingContext.class))));
	}

	private static @Nullable String fix(@Nullable JdbcMappingContext context, RecordedStatements statements) {
		return fix(detector(context), statements);
	}

	private static @Nullable String fix(NPlusOneDetector detector, RecordedStatements statements) {
		List<Finding> findings = detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Finding.Kind.N_PLUS_ONE);
		Finding.Suggestion suggestion = findings.get(0).suggestion();
		return (suggestion != null) ? suggestion.text() : null;
	}

	/** The fix the starter names for the same statements without reading the mapping. */
	private static @Nullable String builtInFix(RecordedStatements statements) {
		Finding.Suggestion suggestion = new NPlusOneDetector().findings(statements.list()).get(0).suggestion();
		return (suggestion != null) ? suggestion.text() : null;
	}

	/** An author with the titles of their books, rows of the book table it owns. */
	@Table("author")
	record Author(@Id Long id, String name, @MappedCollection(idColumn = "author_id") Set<Title> titles) {
	}

	/** A row of the book table, owned by its author. */
	@Table("book")
	record Title(String title) {
	}

	/**
	 * A book: an aggregate of its own on the same table, which refers to its author and
	 * its editor, both authors, and owns its chapters by key.
	 */
	@Table("book")
	record Book(@Id Long id, String title, @Column("author_id") AggregateReference<Author, Long> author,
			@Column("editor_id") AggregateReference<Author, Long> editor, Long shelfId,
			@MappedCollection(idColumn = "book_id", keyColumn = "chapter_key") Map<String, Chapter> chapters) {
	}

	@Table("chapter")
	record Chapter(String heading) {
	}

	/** A review, which refers to its book. */
	@Table("review")
	record Review(@Id Long id, String text, @Column("book_id") AggregateReference<Book, Long> book) {
	}

	/** A second aggregate on the book table: its id is no longer one aggregate's. */
	@Table("book")
	record BookSummary(@Id Long id, String title) {
	}

}
