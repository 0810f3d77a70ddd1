package com.example.petclinic;

import java.util.List;

import com.example.petclinic.SampleHttp.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each page's findings as a table: the kind, every line that issued the statements (the
 * line found from a fragment of the sample's source) with its runs, and the fix, as
 * worked out from the sample's code and the starter's rules, each in full. Every fix is
 * applied as it is written somewhere, and the tests there show the page it fixes gives
 * the same body in fewer statements.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FindingsTableTests {

	static final String OWNER_PETS = "join fetch Owner.pets, or batch it with @BatchSize on Owner.pets or "
			+ "hibernate.default_batch_fetch_size (SELECT o FROM Owner o LEFT JOIN FETCH o.pets, "
			+ "or @EntityGraph(attributePaths = \"pets\"))";

	static final String PET_OWNER = "join fetch Pet.owner, or batch it with @BatchSize on Owner or "
			+ "hibernate.default_batch_fetch_size (SELECT p FROM Pet p JOIN FETCH p.owner, "
			+ "or @EntityGraph(attributePaths = \"owner\"))";

	/**
	 * A Hibernate read by id asked again with the same values. Applied both ways: passed
	 * on, fetched with what the later read needs
	 * ({@code /owners/{ownerId}/pets/{petId}/read-once}), and in one transaction
	 * ({@code /owners/{id}/in-one-transaction}).
	 */
	static final String READ_ONCE = "read it once: pass the first result on, fetched with what the later read needs "
			+ "(JOIN FETCH), so that no lazy association is read after its transaction; or run both reads in one "
			+ "transaction, whose persistence context answers the second lookup by id without a statement "
			+ "(pass the entity on, or one @Transactional(readOnly = true) method around both reads)";

	static final String COUNT_IN_THE_LIST = "compute it in the query that reads the list, for every row at once "
			+ "(a subquery in the select list, or a join with GROUP BY, in that query's JPQL)";

	/**
	 * The EAGER collection of a paged query, ten statements for a page of ten: a batch
	 * size of ten. Applied as written in {@code VisitBatchSizeTests}.
	 */
	static final String VISIT_TREATMENTS = "Visit.treatments is FetchType.EAGER, so every query that does not fetch "
			+ "it loads it row by row: batch it with @BatchSize(size = 10) on Visit.treatments or "
			+ "hibernate.default_batch_fetch_size: on a paged query, a fetch join of a collection makes Hibernate read "
			+ "every row and page in memory; FetchType.LAZY removes the cause where every page that reads Visit.treatments "
			+ "fetches it or reads it within its transaction (@BatchSize(size = 10) on Visit.treatments, or read the "
			+ "page's ids first, then SELECT v FROM Visit v LEFT JOIN FETCH v.treatments WHERE v.id IN :ids)";

	static final String VISIT_PET = "Visit.pet is FetchType.EAGER (the default for @ManyToOne), so every query "
			+ "that does not fetch it loads it row by row: join fetch Visit.pet, or batch it with @BatchSize on Pet "
			+ "or hibernate.default_batch_fetch_size; a LOAD graph keeps Visit's other EAGER associations "
			+ "(treatments, vet) as mapped, where the default FETCH graph would make them lazy; FetchType.LAZY "
			+ "removes the cause where every page that reads Visit.pet fetches it or reads it within its transaction "
			+ "(SELECT v FROM Visit v LEFT JOIN FETCH v.pet, or "
			+ "@EntityGraph(type = EntityGraphType.LOAD, attributePaths = \"pet\"))";

	static final String VISIT_VET = "Visit.vet is FetchType.EAGER (the default for @ManyToOne), so every query "
			+ "that does not fetch it loads it row by row: join fetch Visit.vet, or batch it with @BatchSize on Vet "
			+ "or hibernate.default_batch_fetch_size; a LOAD graph keeps Visit's other EAGER associations "
			+ "(pet, treatments) as mapped, where the default FETCH graph would make them lazy; FetchType.LAZY "
			+ "removes the cause where every page that reads Visit.vet fetches it or reads it within its transaction "
			+ "(SELECT v FROM Visit v LEFT JOIN FETCH v.vet, or "
			+ "@EntityGraph(type = EntityGraphType.LOAD, attributePaths = \"vet\"))";

	static final String VET_LANGUAGES = "join fetch Vet.details.languages, or batch it with @BatchSize on "
			+ "Vet.details.languages or hibernate.default_batch_fetch_size (SELECT v FROM Vet v LEFT JOIN FETCH "
			+ "v.details.languages, or @EntityGraph(attributePaths = \"details.languages\"))";

	static final String SPECIALTY_VETS = "join fetch Specialty.vets, or batch it with @BatchSize on Specialty.vets or "
			+ "hibernate.default_batch_fetch_size (SELECT s FROM Specialty s LEFT JOIN FETCH s.vets, "
			+ "or @EntityGraph(attributePaths = \"vets\"))";

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void owners() {
		assertThat(table("/owners")).containsExactly(
				new Finding("n_plus_one", SampleHttp.site("OwnerSummary.java", "owner.getPets()", 10), OWNER_PETS));
		assertThat(table("/owners/with-pets")).isEmpty();
	}

	@Test
	void pets() {
		assertThat(table("/pets")).containsExactly(new Finding("n_plus_one",
				SampleHttp.site("PetSummary.java", "pet.getOwner().getName()", 10), PET_OWNER));
	}

	@Test
	void owner() {
		assertThat(table("/owners/3")).containsExactly(new Finding("duplicate",
				SampleHttp.site("OwnerDirectory.java", "this.owners.findById(id)", 2), READ_ONCE));
		assertThat(table("/owners/3/in-one-transaction")).isEmpty();
	}

	@Test
	void ownersPet() {
		assertThat(table("/owners/3/pets/4"))
			.containsExactly(
					new Finding("duplicate",
							SampleHttp.site("PetController.java", "this.owners.findById(ownerId)", 1) + ", "
									+ SampleHttp.site("OwnerDirectory.java", "this.owners.findById(id)", 1),
							READ_ONCE));
		assertThat(table("/owners/3/pets/4/read-once")).isEmpty();
	}

	@Test
	void households() {
		assertThat(table("/pets/households")).containsExactly(new Finding("n_plus_one",
				SampleHttp.site("OwnerDirectory.java", "this.pets.countByOwner(", 13), COUNT_IN_THE_LIST));
		assertThat(table("/pets/households/in-one-query")).isEmpty();
	}

	@Test
	void visits() {
		String page = SampleHttp.line("VisitController.java", "this.visits.findAll(pageable)");
		assertThat(table("/visits")).containsExactly(new Finding("n_plus_one", page + " (10×)", VISIT_TREATMENTS),
				new Finding("n_plus_one", page + " (8×)", VISIT_PET),
				new Finding("n_plus_one", page + " (4×)", VISIT_VET));
		assertThat(table("/visits/with-graph")).containsExactly(new Finding("n_plus_one",
				SampleHttp.site("VisitController.java", "this.visits.findWithPetAndVetBy(pageable)", 10),
				VISIT_TREATMENTS));
	}

	@Test
	void vets() {
		assertThat(table("/vets")).containsExactly(new Finding("n_plus_one",
				SampleHttp.site("VetSummary.java", "vet.getDetails().getLanguages()", 6), VET_LANGUAGES));
		assertThat(table("/vets/with-languages")).isEmpty();
	}

	@Test
	void specialties() {
		assertThat(table("/specialties")).containsExactly(new Finding("n_plus_one",
				SampleHttp.site("SpecialtySummary.java", "specialty.getVets()", 4), SPECIALTY_VETS));
		assertThat(table("/specialties/with-vets")).isEmpty();
	}

	private List<Finding> table(String uri) {
		return this.http.findings(this.http.get(uri));
	}

}
