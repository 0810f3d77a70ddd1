package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import com.example.clinic.Article;
import com.example.clinic.Owner;
import com.example.clinic.Pet;
import com.example.clinic.Specialty;
import com.example.clinic.Summary;
import com.example.clinic.Tag;
import com.example.clinic.Vet;
import com.example.clinic.Visit;
import dev.nplusonelab.diagnostics.detect.lending.Edition;
import dev.nplusonelab.diagnostics.detect.lending.Librarian;
import dev.nplusonelab.diagnostics.detect.lending.Loan;
import dev.nplusonelab.diagnostics.detect.lending.Member;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixes named from Hibernate's mapping, for the SQL Hibernate sends, and where the
 * mapping does not say which association a statement reads, none: the starter's table and
 * key fix stands. Hibernate builds its metamodel here without a database, as Spring Boot
 * would name the tables and columns. The JPA sample shows the same on a running
 * application.
 */
class HibernateSuggestionsTests {

	private static final String OWNERS = "select o1_0.id,o1_0.name from owner o1_0";

	private static final String PETS = "select p1_0.id,p1_0.name,p1_0.owner_id from pet p1_0";

	private static final String VETS = "select v1_0.id from vet v1_0";

	private static final String VISITS = "select v1_0.id,v1_0.assistant_id,v1_0.pet_id,v1_0.vet_id from visit v1_0";

	private static final String PETS_OF_OWNER = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 "
			+ "where p1_0.owner_id=?";

	private static final String OWNER_BY_ID = "select o1_0.id,o1_0.name from owner o1_0 where o1_0.id=?";

	private static SessionFactory factory;

	private NPlusOneDetector detector;

	@BeforeAll
	static void buildTheMetamodel() {
		factory = new MetadataSources(new StandardServiceRegistryBuilder()
			.applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
			.applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
			.applySetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName())
			.build())
			.addAnnotatedClasses(Owner.class, Pet.class, Vet.class, Specialty.class, Visit.class, Article.class,
					Tag.class, Summary.class, Loan.class, Member.class, Librarian.class, Edition.class)
			.buildMetadata()
			.buildSessionFactory();
	}

	/**
	 * A suggester of each test's own, which reads the mapping in that test: the suggester
	 * keeps what it read, and a mutation of how it reads the mapping is to be run against
	 * every test that depends on it, not only the first that ran.
	 */
	@BeforeEach
	void newSuggester() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("entityManagerFactory", factory);
		this.detector = new NPlusOneDetector(
				List.of(new HibernateSuggestions(beans.getBeanProvider(EntityManagerFactory.class))));
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aCollectionReadPerOwnerIsNamedWithTheFetchJoinTheEntityGraphAndBatchFetching() {
		assertThat(fix(hibernate().ran(OWNERS, 3)
			.ran(PETS_OF_OWNER, 1, 1L)
			.ran(PETS_OF_OWNER, 2, 2L)
			.ran(PETS_OF_OWNER, 0, 3L)))
			.isEqualTo("join fetch Owner.pets, or batch it with @BatchSize on Owner.pets or "
					+ "hibernate.default_batch_fetch_size (SELECT o FROM Owner o LEFT JOIN FETCH o.pets, "
					+ "or @EntityGraph(attributePaths = \"pets\"))");
	}

	@Test
	void aCollectionIsNamedByItsKeyWhenTheListOfItsOwnersIsNotKnown() {
		assertThat(fix(hibernate().ran(PETS_OF_OWNER, 1, 1L).ran(PETS_OF_OWNER, 2, 2L)))
			.startsWith("join fetch Owner.pets,");
	}

	@Test
	void aCollectionReadForTheRowsOfAnotherEntityIsALookupByItsKey() {
		// No association leads from the vets to the pets: a query per row by the pets'
		// owner, named by the entity's own association.
		assertThat(fix(hibernate().ran(VETS, 2).ran(PETS_OF_OWNER, 1, 1L).ran(PETS_OF_OWNER, 2, 2L)))
			.isEqualTo("load the Pet entities of all the Owner rows in one query, by Pet.owner "
					+ "(SELECT p FROM Pet p WHERE p.owner.id IN :ownerIds)");
	}

	@Test
	void aManyToManyIsReadThroughItsJoinTable() {
		String specialties = "select s1_0.vet_id,s1_1.id,s1_1.name from vet_specialties s1_0 "
				+ "join specialty s1_1 on s1_1.id=s1_0.specialty_id where s1_0.vet_id=?";

		assertThat(fix(hibernate().ran(VETS, 2).ran(specialties, 1, 1L).ran(specialties, 2, 2L)))
			.startsWith("join fetch Vet.specialties, or batch it with @BatchSize on Vet.specialties")
			.endsWith("(SELECT v FROM Vet v LEFT JOIN FETCH v.specialties, "
					+ "or @EntityGraph(attributePaths = \"specialties\"))");
	}

	@Test
	void aToOneLoadedByIdForEachRowIsNamedFromTheEntityThatHoldsItAndItsEagerFetchIsTheRootCause() {
		// Pet.owner is a @ManyToOne with no fetch type: EAGER, which is why a query that
		// does not fetch it loads it row by row.
		assertThat(
				fix(hibernate().ran(PETS, 3).ran(OWNER_BY_ID, 1, 1L).ran(OWNER_BY_ID, 1, 2L).ran(OWNER_BY_ID, 1, 3L)))
			.isEqualTo("Pet.owner is FetchType.EAGER (the default for @ManyToOne), so every query that does not "
					+ "fetch it loads it row by row: join fetch Pet.owner, or batch it with @BatchSize on Owner or "
					+ "hibernate.default_batch_fetch_size; FetchType.LAZY removes the cause where every page that "
					+ "reads Pet.owner fetches it or reads it within its transaction (SELECT p FROM Pet p JOIN FETCH "
					+ "p.owner, or @EntityGraph(attributePaths = \"owner\"))");
	}

	@Test
	void anOptionalToOneIsFetchedWithAnOuterJoinAndALoadGraphKeepsTheOtherEagerAssociations() {
		String petById = "select p1_0.id,p1_0.name,p1_0.owner_id from pet p1_0 where p1_0.id=?";

		// Visit.vet and Visit.assistant are EAGER too: Spring Data's default FETCH graph
		// would turn them lazy, and a page that reads them later would fail.
		assertThat(fix(hibernate().ran(VISITS, 2).ran(petById, 1, 1L).ran(petById, 1, 2L)))
			.contains("a LOAD graph keeps Visit's other EAGER associations (assistant, vet) as mapped")
			.endsWith("(SELECT v FROM Visit v LEFT JOIN FETCH v.pet, "
					+ "or @EntityGraph(type = EntityGraphType.LOAD, attributePaths = \"pet\"))");
	}

	@Test
	void twoAssociationsThatReadTheSameRowsAreBothNamed() {
		String vetById = "select v1_0.id from vet v1_0 where v1_0.id=?";

		assertThat(fix(hibernate().ran(VISITS, 2).ran(vetById, 1, 1L).ran(vetById, 1, 2L)))
			.isEqualTo("Visit.assistant or Visit.vet, which both read Vet by id: join fetch the one the page reads, "
					+ "or batch them with @BatchSize on Vet or hibernate.default_batch_fetch_size "
					+ "(SELECT v FROM Visit v LEFT JOIN FETCH v.assistant LEFT JOIN FETCH v.vet)");
	}

	@Test
	void aToOneIsNotGuessedWithoutTheListItWasLoadedFor() {
		assertThat(fix(hibernate().ran(OWNER_BY_ID, 1, 1L).ran(OWNER_BY_ID, 1, 2L)))
			.isEqualTo("load the Owner entities of all rows at once: join fetch the association that refers to them "
					+ "in the list's query, or, for a lookup per row, look them up together (JOIN FETCH in the "
					+ "list's query, or findAllById(ids), or SELECT o FROM Owner o WHERE o.id IN :ids)");
	}

	@Test
	void aFilteredOrCountingReadIsNotTheCollection() {
		String filtered = "select p1_0.id from pet p1_0 where p1_0.owner_id=? and p1_0.name like ?";
		String counted = "select count(p1_0.id) from pet p1_0 where p1_0.owner_id=?";

		assertThat(fix(hibernate().ran(OWNERS, 2).ran(filtered, 1, 1L, "L%").ran(filtered, 1, 2L, "L%")))
			.isEqualTo("load the pet rows of all parents in one query, by owner_id (a JPQL query WHERE the "
					+ "association IN :parents, or a fetch join in the list's query)");
		assertThat(fix(hibernate().ran(OWNERS, 2).ran(counted, 1, 1L).ran(counted, 1, 2L)))
			.isEqualTo("compute it in the query that reads the list, for every row at once (a subquery in the "
					+ "select list, or a join with GROUP BY, in that query's JPQL)");
	}

	@Test
	void theSameStatementsSentByJdbcCodeGetAJdbcFixNotAJpaOne() {
		// A JdbcTemplate repository in an application whose JPA entities map the same
		// tables: the line has no JPA in it.
		RecordedStatements jdbc = new RecordedStatements().issuedBy(DataAccess.JDBC)
			.ran(PETS, 3)
			.ran(OWNER_BY_ID, 1, 1L)
			.ran(OWNER_BY_ID, 1, 2L)
			.ran(OWNER_BY_ID, 1, 3L);

		assertThat(fix(jdbc)).isEqualTo("load owner by id for all rows at once, binding the collected ids as one "
				+ "Long[] (SELECT … FROM owner WHERE id = ANY(?))");
		assertThat(fix(jdbc.on(Database.of("MariaDB", "10.11.19-MariaDB")))).doesNotContain("JOIN FETCH");
	}

	@Test
	void anEntityLookedUpForEachRowOfAJdbcListIsNotNamedAsAnAssociation() {
		// The pets came from a JdbcTemplate: no Pet entity holds an owner to fetch with
		// it.
		RecordedStatements statements = new RecordedStatements().issuedBy(DataAccess.JDBC)
			.ran(PETS, 3)
			.issuedBy(DataAccess.HIBERNATE)
			.ran(OWNER_BY_ID, 1, 1L)
			.ran(OWNER_BY_ID, 1, 2L)
			.ran(OWNER_BY_ID, 1, 3L);

		assertThat(fix(statements)).isEqualTo("look the Owner entities of all rows up together, with the collected "
				+ "ids (findAllById(ids), or SELECT o FROM Owner o WHERE o.id IN :ids)");
	}

	@Test
	void onMariaDbTheJdbcFixListsTheKeysInsteadOfBindingAnArray() {
		RecordedStatements jdbc = new RecordedStatements().issuedBy(DataAccess.JDBC)
			.on(Database.of("MariaDB", "10.11.19-MariaDB"))
			.ran(PETS, 3)
			.ran(OWNER_BY_ID, 1, 1L)
			.ran(OWNER_BY_ID, 1, 2L);

		assertThat(fix(jdbc)).isEqualTo("load owner by id for all rows at once, with the collected ids as :ids, "
				+ "which JdbcClient or NamedParameterJdbcTemplate expands (SELECT … FROM owner WHERE id IN (:ids))");
	}

	@Test
	void aCollectionInsideAnEmbeddedObjectIsNamedByItsPath() {
		String articles = "select a1_0.id,a1_0.body,a1_0.title from article a1_0";
		String tags = "select t1_0.article_id,t1_1.id,t1_1.name from article_tags t1_0 "
				+ "join tag t1_1 on t1_1.id=t1_0.tag_id where t1_0.article_id=?";

		assertThat(fix(hibernate().ran(articles, 2).ran(tags, 1, 1L).ran(tags, 1, 2L)))
			.startsWith("join fetch Article.contents.tags, or batch it with @BatchSize on Article.contents.tags")
			.contains("SELECT a FROM Article a LEFT JOIN FETCH a.contents.tags");
	}

	@Test
	void theInverseSideOfAManyToManyIsNamedToo() {
		String tags = "select t1_0.id,t1_0.name from tag t1_0";
		String articles = "select a1_0.tag_id,a1_1.id,a1_1.body,a1_1.title from article_tags a1_0 "
				+ "join article a1_1 on a1_1.id=a1_0.article_id where a1_0.tag_id=?";

		assertThat(fix(hibernate().ran(tags, 2).ran(articles, 1, 1L).ran(articles, 1, 2L)))
			.startsWith("join fetch Tag.articles,");
	}

	@Test
	void theInverseSideOfAOneToOneIsLoadedWithEachRowWhateverItsFetchType() {
		String articles = "select a1_0.id,a1_0.body,a1_0.title from article a1_0";
		String summaries = "select s1_0.id,s1_0.article_id,s1_0.text from summary s1_0 where s1_0.article_id=?";

		assertThat(fix(hibernate().ran(articles, 2).ran(summaries, 1, 1L).ran(summaries, 1, 2L)))
			.startsWith("Article.summary is the inverse side of a one-to-one, which Hibernate loads with each Article "
					+ "whatever its fetch type: join fetch it in the list's query, or map the association on the "
					+ "Summary side only")
			.endsWith("(SELECT a FROM Article a LEFT JOIN FETCH a.summary, or @EntityGraph(attributePaths = "
					+ "\"summary\"))");
	}

	@Test
	void onAPagedListACollectionIsBatchedNotFetchJoined() {
		String page = "select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name offset ? rows fetch first ? rows only";

		// A fetch join of a collection on a paged query: Hibernate fetches every row and
		// pages in memory (HHH90003004). Batch fetching keeps the page in SQL.
		assertThat(fix(hibernate().ran(page, 3, 0, 3)
			.ran(PETS_OF_OWNER, 1, 1L)
			.ran(PETS_OF_OWNER, 2, 2L)
			.ran(PETS_OF_OWNER, 0, 3L)))
			.isEqualTo("batch it with @BatchSize(size = 3) on Owner.pets or hibernate.default_batch_fetch_size: on a "
					+ "paged query, a fetch join of a collection makes Hibernate read every row and page in memory "
					+ "(@BatchSize(size = 3) on Owner.pets, or read the page's ids first, then SELECT o FROM Owner o "
					+ "LEFT JOIN FETCH o.pets WHERE o.id IN :ids)");
	}

	/**
	 * Hibernate's {@code default_batch_fetch_size=2} over four owners: the collection's
	 * batch size, at least the four keys, where Hibernate reads it, or a fetch join.
	 */
	@Test
	void batchesOfACollectionSmallerThanTheListAreFixedWithABatchSizeOnTheCollection() {
		String petsOfOwners = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?)";

		assertThat(batchFix(hibernate().ran(OWNERS, 4).ran(petsOfOwners, 3, 1L, 2L).ran(petsOfOwners, 1, 3L, 4L)))
			.isEqualTo("load the 4 keys in one batch: a batch size of at least 4 for Owner.pets, with @BatchSize on "
					+ "Owner.pets or hibernate.default_batch_fetch_size; or join fetch Owner.pets in the list's query "
					+ "(@BatchSize(size = 4) on Owner.pets, or spring.jpa.properties.hibernate.default_batch_fetch_size=4, "
					+ "or SELECT o FROM Owner o LEFT JOIN FETCH o.pets)");
	}

	/**
	 * A to-one's batch size is read from the class of the entity it refers to, and a
	 * collection on a paged list is never fetched with a join.
	 */
	@Test
	void batchesOfAToOneAreSizedOnTheEntityItRefersToAndACollectionOnAPageIsOnlyBatched() {
		String ownersById = "select o1_0.id,o1_0.name from owner o1_0 where o1_0.id in (?,?)";
		String page = "select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name offset ? rows fetch first ? rows only";
		String petsOfOwners = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?)";

		assertThat(batchFix(hibernate().ran(PETS, 4).ran(ownersById, 1, 1L, 2L).ran(ownersById, 1, 3L, 4L)))
			.isEqualTo("load the 4 keys in one batch: a batch size of at least 4 for Pet.owner, with @BatchSize on "
					+ "the Owner entity or hibernate.default_batch_fetch_size; or join fetch Pet.owner in the list's "
					+ "query (@BatchSize(size = 4) on the Owner entity, or "
					+ "spring.jpa.properties.hibernate.default_batch_fetch_size=4, or SELECT p FROM Pet p JOIN FETCH "
					+ "p.owner)");
		assertThat(batchFix(hibernate().ran(page, 4, 0, 4).ran(petsOfOwners, 3, 1L, 2L).ran(petsOfOwners, 1, 3L, 4L)))
			.isEqualTo("load the 4 keys in one batch: a batch size of at least 4 for Owner.pets, with @BatchSize on "
					+ "Owner.pets or hibernate.default_batch_fetch_size (on a paged query, a fetch join of a "
					+ "collection makes Hibernate read every row and page in memory) (@BatchSize(size = 4) on "
					+ "Owner.pets, or spring.jpa.properties.hibernate.default_batch_fetch_size=4)");
	}

	/**
	 * Batches a JdbcTemplate sent, or sent for rows a JdbcTemplate read, are no
	 * association's: the starter's own fix, in the terms of the code, stands.
	 */
	@Test
	void batchesHibernateDidNotSendForItsOwnEntitiesNameNoAssociation() {
		String petsOfOwners = "select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id in (?,?)";

		assertThat(batchFix(new RecordedStatements().ran(OWNERS, 4)
			.issuedBy(DataAccess.HIBERNATE)
			.ran(petsOfOwners, 3, 1L, 2L)
			.ran(petsOfOwners, 1, 3L, 4L)))
			.startsWith("load the 4 keys in one batch: a batch size of at least 4, on "
					+ "the association with @BatchSize or for all of them, or a fetch join in the list's query");
		assertThat(batchFix(
				new RecordedStatements().ran(OWNERS, 4).ran(petsOfOwners, 3, 1L, 2L).ran(petsOfOwners, 1, 3L, 4L)))
			.isEqualTo("load the pet rows in one statement with all 4 owner_id values, not one statement per chunk, "
					+ "binding the collected owner_id values as one Long[] (SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	private @Nullable String batchFix(RecordedStatements statements) {
		List<Finding> findings = this.detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Finding.Kind.BATCH_PLUS_ONE);
		return findings.get(0).suggestion().text();
	}

	@Test
	void theCollectionIsNamedForTheListOfItsOwnersEvenWhenAnotherListRanInBetween() {
		// The vets came after the owners and returned as many rows: the owners are the
		// list only because Owner.pets leads from them to the pets (mutants: leadsTo
		// always true, or negated, take the vets and name a lookup by Pet.owner).
		List<Finding> findings = this.detector.findings(hibernate().ran(OWNERS, 3)
			.ran(VETS, 3)
			.ran(PETS_OF_OWNER, 1, 1L)
			.ran(PETS_OF_OWNER, 2, 2L)
			.ran(PETS_OF_OWNER, 0, 3L)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.source().sql()).isEqualTo(OWNERS);
			assertThat(finding.suggestion().text()).startsWith("join fetch Owner.pets,");
		});
	}

	@Test
	void twoAssociationsToEntitiesThatShareATableAreNotNamedAsOne() {
		String loans = "select l1_0.id,l1_0.borrower_id,l1_0.clerk_id from loan l1_0";
		String personById = "select m1_0.id,m1_0.name from person m1_0 where m1_0.id=?";
		RecordedStatements statements = hibernate().ran(loans, 2).ran(personById, 1, 1L).ran(personById, 1, 2L);

		// Loan.borrower reads a Member, Loan.clerk a Librarian, both from person: no
		// one entity to batch, so the starter's own fix stands (mutant: the check that
		// both read the same entity always true names "which both read Member").
		assertThat(fix(statements)).isEqualTo(builtInFix(statements))
			.startsWith("load the person rows of all rows at once");
	}

	@Test
	void anEntityWhoseIdColumnIsNotNamedIdIsLookedUpByItsId() {
		String editionByIsbn = "select e1_0.isbn,e1_0.title from edition e1_0 where e1_0.isbn=?";

		// Matched by the entity's own id column, isbn (mutant: any other entity whose id
		// column is isbn; there is none, so the lookup would not be one by id).
		assertThat(fix(hibernate().ran(editionByIsbn, 1, "978-0").ran(editionByIsbn, 1, "978-1")))
			.isEqualTo("load the Edition entities of all rows at once: join fetch the association that refers to "
					+ "them in the list's query, or, for a lookup per row, look them up together (JOIN FETCH in the "
					+ "list's query, or findAllById(ids), or SELECT e FROM Edition e WHERE e.id IN :ids)");
	}

	/** Statements Hibernate sent, on PostgreSQL. */
	private static RecordedStatements hibernate() {
		return new RecordedStatements().issuedBy(DataAccess.HIBERNATE);
	}

	private @Nullable String fix(RecordedStatements statements) {
		List<Finding> findings = this.detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Finding.Kind.N_PLUS_ONE);
		Finding.Suggestion suggestion = findings.get(0).suggestion();
		return (suggestion != null) ? suggestion.text() : null;
	}

	/** The fix the starter names for the same statements without reading the mapping. */
	private static @Nullable String builtInFix(RecordedStatements statements) {
		Finding.Suggestion suggestion = new NPlusOneDetector().findings(statements.list()).get(0).suggestion();
		return (suggestion != null) ? suggestion.text() : null;
	}

}
