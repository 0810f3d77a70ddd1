package dev.nplusonelab.diagnostics;

import java.util.List;

import com.example.clinic.Owner;
import com.example.clinic.Pet;
import com.example.clinic.Specialty;
import com.example.clinic.Vet;
import com.example.clinic.Visit;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

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

	private static NPlusOneDetector detector;

	@BeforeAll
	static void buildTheMetamodel() {
		factory = new MetadataSources(new StandardServiceRegistryBuilder()
			.applySetting("jakarta.persistence.database-product-name", "PostgreSQL")
			.applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
			.applySetting("hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName())
			.build()).addAnnotatedClasses(Owner.class, Pet.class, Vet.class, Specialty.class, Visit.class)
			.buildMetadata()
			.buildSessionFactory();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("entityManagerFactory", factory);
		detector = new NPlusOneDetector(
				List.of(new HibernateSuggestions(beans.getBeanProvider(EntityManagerFactory.class))));
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aCollectionReadPerOwnerIsNamedWithTheFetchJoinTheEntityGraphAndBatchFetching() {
		assertThat(fix(new RecordedStatements().ran(OWNERS, 3)
			.ran(PETS_OF_OWNER, 1, 1L)
			.ran(PETS_OF_OWNER, 2, 2L)
			.ran(PETS_OF_OWNER, 0, 3L)))
			.isEqualTo("join fetch Owner.pets, or batch it with @BatchSize on Owner.pets or "
					+ "hibernate.default_batch_fetch_size (SELECT o FROM Owner o LEFT JOIN FETCH o.pets, "
					+ "or @EntityGraph(attributePaths = \"pets\"))");
	}

	@Test
	void aCollectionIsNamedByItsKeyWhenTheListOfItsOwnersIsNotKnown() {
		assertThat(fix(new RecordedStatements().ran(PETS_OF_OWNER, 1, 1L).ran(PETS_OF_OWNER, 2, 2L)))
			.startsWith("join fetch Owner.pets,");
	}

	@Test
	void aCollectionReadForTheRowsOfAnotherEntityKeepsTheTableAndKeyFix() {
		assertThat(fix(new RecordedStatements().ran(VETS, 2).ran(PETS_OF_OWNER, 1, 1L).ran(PETS_OF_OWNER, 2, 2L)))
			.isEqualTo("load pet rows by owner_id for all parents at once (WHERE pet.owner_id = ANY(?))");
	}

	@Test
	void aManyToManyIsReadThroughItsJoinTable() {
		String specialties = "select s1_0.vet_id,s1_1.id,s1_1.name from vet_specialties s1_0 "
				+ "join specialty s1_1 on s1_1.id=s1_0.specialty_id where s1_0.vet_id=?";

		assertThat(fix(new RecordedStatements().ran(VETS, 2).ran(specialties, 1, 1L).ran(specialties, 2, 2L)))
			.startsWith("join fetch Vet.specialties, or batch it with @BatchSize on Vet.specialties")
			.endsWith("(SELECT v FROM Vet v LEFT JOIN FETCH v.specialties, "
					+ "or @EntityGraph(attributePaths = \"specialties\"))");
	}

	@Test
	void aToOneLoadedByIdForEachRowIsNamedFromTheEntityThatHoldsIt() {
		assertThat(fix(new RecordedStatements().ran(PETS, 3)
			.ran(OWNER_BY_ID, 1, 1L)
			.ran(OWNER_BY_ID, 1, 2L)
			.ran(OWNER_BY_ID, 1, 3L)))
			.isEqualTo("join fetch Pet.owner, or batch it with @BatchSize on Owner or "
					+ "hibernate.default_batch_fetch_size (SELECT p FROM Pet p JOIN FETCH p.owner, "
					+ "or @EntityGraph(attributePaths = \"owner\"))");
	}

	@Test
	void anOptionalToOneIsFetchedWithAnOuterJoin() {
		String petById = "select p1_0.id,p1_0.name,p1_0.owner_id from pet p1_0 where p1_0.id=?";

		assertThat(fix(new RecordedStatements().ran(VISITS, 2).ran(petById, 1, 1L).ran(petById, 1, 2L)))
			.contains("(SELECT v FROM Visit v LEFT JOIN FETCH v.pet, or @EntityGraph(attributePaths = \"pet\"))");
	}

	@Test
	void anEntityTwoAssociationsLeadToKeepsTheTableAndKeyFix() {
		String vetById = "select v1_0.id from vet v1_0 where v1_0.id=?";

		assertThat(fix(new RecordedStatements().ran(VISITS, 2).ran(vetById, 1, 1L).ran(vetById, 1, 2L)))
			.isEqualTo("load vet by id for all rows at once (WHERE vet.id = ANY(?))");
	}

	@Test
	void aToOneIsNotGuessedWithoutTheListItWasLoadedFor() {
		assertThat(fix(new RecordedStatements().ran(OWNER_BY_ID, 1, 1L).ran(OWNER_BY_ID, 1, 2L)))
			.isEqualTo("load owner by id for all rows at once (WHERE owner.id = ANY(?))");
	}

	@Test
	void aFilteredOrCountingReadIsNotTheCollection() {
		String filtered = "select p1_0.id from pet p1_0 where p1_0.owner_id=? and p1_0.name like ?";
		String counted = "select count(p1_0.id) from pet p1_0 where p1_0.owner_id=?";

		assertThat(fix(new RecordedStatements().ran(OWNERS, 2).ran(filtered, 1, 1L, "L%").ran(filtered, 1, 2L, "L%")))
			.startsWith("load pet rows by owner_id");
		assertThat(fix(new RecordedStatements().ran(OWNERS, 2).ran(counted, 1, 1L).ran(counted, 1, 2L)))
			.startsWith("aggregate pet by owner_id");
	}

	private static @Nullable String fix(RecordedStatements statements) {
		List<Finding> findings = detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Finding.Kind.N_PLUS_ONE);
		Finding.Suggestion suggestion = findings.get(0).suggestion();
		return (suggestion != null) ? suggestion.text() : null;
	}

}
