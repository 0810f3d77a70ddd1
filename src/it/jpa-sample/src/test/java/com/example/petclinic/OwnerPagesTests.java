package com.example.petclinic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import dev.nplusonelab.diagnostics.test.SqlBaseline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA sample as its developer would meet the diagnostics: over HTTP, in the headers,
 * the history and the metrics, with findings that name the entity association, the line
 * of the sample that loaded it and the JPA fix. Its requests' statement counts are kept
 * in src/test/resources/nplusone-baseline.json: a change that makes one run more fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SqlBaseline
class OwnerPagesTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void theNaiveListLoadsEachOwnersPetsOnItsOwnAndTheFindingNamesOwnerPetsWhereAndTheFix() {
		double requests = this.http.measured("app.sql.statements", "/owners", "COUNT");
		double statements = this.http.measured("app.sql.statements", "/owners", "TOTAL");
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/owners", "COUNT");

		ResponseEntity<String> owners = this.http.get("/owners");

		// The ten owners, then the pets of each owner, one statement per owner
		assertThat(owners.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("11");
		assertThat(owners.getHeaders().getFirst("Server-Timing")).contains("desc=\"11 statements\"");
		JsonContent report = this.http.report(owners);
		assertThat(report).extractingPath("$.summary.route").isEqualTo("/owners");
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(1);
		// A finding, not a broken rule: only strict mode or a rule scope of the
		// application's makes an N+1 one
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(report).extractingPath("$.findings").asArray().hasSize(1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 10 statements from " + SampleHttp.line("OwnerSummary.java", "owner.getPets()")
					+ " for the 10 rows of #1 (select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name), ")
			.contains("from pet p1_0 where p1_0.owner_id=? order by p1_0.name. Fix: ")
			.endsWith(FindingsTableTests.OWNER_PETS);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(10);
		assertThat(report).extractingPath("$.statements[0].callSite")
			.isEqualTo(SampleHttp.line("OwnerDirectory.java", "this.owners.findAll(BY_NAME)"));
		assertThat(report).extractingPath("$.statements[0].issuer").isEqualTo("hibernate");
		assertThat(report).extractingPath("$.statements[0].database").isEqualTo("H2");
		assertThat(this.http.measured("app.sql.statements", "/owners", "COUNT")).isEqualTo(requests + 1);
		assertThat(this.http.measured("app.sql.statements", "/owners", "TOTAL")).isEqualTo(statements + 11);
		assertThat(this.http.measured("app.sql.nplusone", "/owners", "COUNT")).isEqualTo(nPlusOnes + 1);
	}

	@Test
	void theFixTheFindingNamesLoadsTheSameListInOneStatement() {
		ResponseEntity<String> fetched = this.http.get("/owners/with-pets");

		assertThat(fetched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(this.http.report(fetched)).extractingPath("$.findings").asArray().isEmpty();
		assertThat(fetched.getBody()).isEqualTo(this.http.get("/owners").getBody());
	}

	@Test
	void theOwnerOfEachPetLoadedOnItsOwnIsNamedAsPetOwnerWithTheFetchJoin() {
		ResponseEntity<String> pets = this.http.get("/pets");

		// The thirteen pets, then the owner of each, once per owner: ten
		assertThat(pets.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("11");
		assertThat(this.http.report(pets)).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 10 statements from "
					+ SampleHttp.line("PetSummary.java", "pet.getOwner().getName()") + " for the 13 rows of #1 (")
			.contains("where o1_0.id=?. Fix: ")
			.endsWith(FindingsTableTests.PET_OWNER);
	}

	@Test
	void anOwnerLoadedTwiceByIdInOneRequestIsADuplicate() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/owners/{id}", "COUNT");

		ResponseEntity<String> owner = this.http.get("/owners/{id}", 3);

		assertThat(owner.getBody()).contains("\"name\":\"Eduardo Rodriquez\"", "\"pets\":[\"Jewel\",\"Rosy\"]");
		assertThat(owner.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		JsonContent report = this.http.report(owner);
		assertThat(report).extractingPath("$.summary.route").isEqualTo("/owners/{id}");
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("duplicate: the same statement with the same values ran 2 times, from "
					+ SampleHttp.site("OwnerDirectory.java", "this.owners.findById(id)", 2) + ", ")
			.contains("ms: select o1_0.id,o1_0.name from owner o1_0 where o1_0.id=?. Fix: ");
		assertThat(this.http.measured("app.sql.statements", "/owners/{id}", "MAX")).isGreaterThanOrEqualTo(3);
		assertThat(this.http.measured("app.sql.nplusone", "/owners/{id}", "COUNT")).isEqualTo(nPlusOnes);
	}

	@Test
	void anOwnerReadAsAModelAttributeAndAgainByTheHandlerIsOneDuplicateListingBothLines() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/owners/{ownerId}/pets/{petId}", "COUNT");

		ResponseEntity<String> pet = this.http.get("/owners/{ownerId}/pets/{petId}", 3, 4);

		assertThat(pet.getBody()).isEqualTo("{\"name\":\"Jewel\",\"owner\":\"Eduardo Rodriquez\"}");
		// The owner for the model attribute, the owner again for the handler, its pets
		assertThat(pet.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		JsonContent report = this.http.report(pet);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(report).extractingPath("$.findings").asArray().hasSize(1);
		assertThat(report).extractingPath("$.findings[0].kind").isEqualTo("duplicate");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(2);
		assertThat(report).extractingPath("$.findings[0].sites[*].callSite")
			.asArray()
			.containsExactly(SampleHttp.line("PetController.java", "this.owners.findById(ownerId)"),
					SampleHttp.line("OwnerDirectory.java", "this.owners.findById(id)"));
		assertThat(report).extractingPath("$.findings[0].sites[*].runs").asArray().containsExactly(1, 1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("duplicate: the same statement with the same values ran 2 times, from "
					+ SampleHttp.site("PetController.java", "this.owners.findById(ownerId)", 1) + ", "
					+ SampleHttp.site("OwnerDirectory.java", "this.owners.findById(id)", 1) + ", ");
		assertThat(this.http.measured("app.sql.nplusone", "/owners/{ownerId}/pets/{petId}", "COUNT"))
			.isEqualTo(nPlusOnes);
	}

	@Test
	void bothReadsInOneTransactionFindTheOwnerAgainInItsPersistenceContextWithoutAStatement() {
		ResponseEntity<String> owner = this.http.get("/owners/{id}/in-one-transaction", 3);

		// The owner, then its pets: the second lookup by id asks the database nothing
		assertThat(owner.getBody()).isEqualTo(this.http.get("/owners/{id}", 3).getBody());
		assertThat(owner.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("2");
		JsonContent report = this.http.report(owner);
		assertThat(report).extractingPath("$.statements[*].sql")
			.asArray()
			.containsExactly("select o1_0.id,o1_0.name from owner o1_0 where o1_0.id=?",
					"select p1_0.owner_id,p1_0.id,p1_0.name from pet p1_0 where p1_0.owner_id=? order by p1_0.name");
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
	}

	@Test
	void aModelAttributeThatFetchesWhatTheHandlerReadsAnswersTheSamePetInOneStatement() {
		ResponseEntity<String> pet = this.http.get("/owners/{ownerId}/pets/{petId}/read-once", 3, 4);

		// The owner with its pets: no second read of the owner, and its pets are loaded
		// before its transaction ends, so the handler can read them
		assertThat(pet.getBody()).isEqualTo("{\"name\":\"Jewel\",\"owner\":\"Eduardo Rodriquez\"}")
			.isEqualTo(this.http.get("/owners/{ownerId}/pets/{petId}", 3, 4).getBody());
		assertThat(pet.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		JsonContent report = this.http.report(pet);
		assertThat(report).extractingPath("$.statements[0].sql")
			.asString()
			.contains("from owner o1_0 left join pet p1_0 on o1_0.id=p1_0.owner_id where o1_0.id=?");
		assertThat(report).extractingPath("$.statements[0].callSite")
			.isEqualTo(SampleHttp.line("ReadOncePetController.java", "this.owners.findWithPetsById(ownerId)"));
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
	}

	@Test
	void aCountPerPetWithRepeatedOwnersIsOneNPlusOneOverItsDistinctKeys() {
		ResponseEntity<String> households = this.http.get("/pets/households");

		// The thirteen pets, then a count per pet: three owners have two pets, so ten
		// keys
		assertThat(households.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("14");
		JsonContent report = this.http.report(households);
		assertThat(report).extractingPath("$.findings").asArray().hasSize(1);
		assertThat(report).extractingPath("$.findings[0].kind").isEqualTo("n_plus_one");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(13);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(10);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 13 statements from "
					+ SampleHttp.line("OwnerDirectory.java", "this.pets.countByOwner(") + " for the 13 rows of #1 ("
					+ "select p1_0.id,p1_0.name,p1_0.owner_id from pet p1_0 order by p1_0.name,p1_0.id), "
					+ "10 distinct keys, ")
			.contains("ms: select count(p1_0.id) from pet p1_0 where p1_0.owner_id=?. Fix: ");
	}

	@Test
	void theCountInThePetsQueryGivesTheSameHouseholdsInOneStatement() {
		ResponseEntity<String> counted = this.http.get("/pets/households/in-one-query");

		assertThat(counted.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(this.http.report(counted)).extractingPath("$.findings").asArray().isEmpty();
		assertThat(counted.getBody()).contains("{\"pet\":\"Jewel\",\"pets\":2}")
			.isEqualTo(this.http.get("/pets/households").getBody());
	}

	@Test
	void explainRunsH2sExplainAnalyzeWithTheBoundValues() {
		String report = this.http.get("/owners").getHeaders().getFirst("X-Sql-Report");

		JsonContent list = this.http.json("/actuator/sqlrequests/{id}/{index}", report, 1);
		JsonContent pets = this.http.json("/actuator/sqlrequests/{id}/{index}", report, 2);

		assertThat(list).extractingPath("$.database").isEqualTo("H2");
		assertThat(list).extractingPath("$.supported").isEqualTo(true);
		assertThat(list).extractingPath("$.message").isNull();
		// H2 reads every owner row to sort them: ten rows, and one more read that finds
		// the end
		assertThat(list).extractingPath("$.plan")
			.asArray()
			.contains("FROM \"PUBLIC\".\"OWNER\" \"O1_0\"", "    /* PUBLIC.OWNER.tableScan */",
					"    /* scanCount: 11 */");
		// The pets of one owner, by the index on the foreign key, with the owner's id
		// bound
		assertThat(pets).extractingPath("$.plan")
			.asArray()
			.anySatisfy((line) -> assertThat(line).asString().contains("_INDEX_").contains("OWNER_ID = ?1"))
			.contains("WHERE \"P1_0\".\"OWNER_ID\" = ?1");
	}

	@Test
	void theHistoryListsTheRequestsWithTheirCounts() {
		String report = this.http.get("/owners").getHeaders().getFirst("X-Sql-Report");

		JsonContent history = this.http.json("/actuator/sqlrequests?limit=5");

		assertThat(history).extractingPath("$.requests[?(@.id == " + report + ")].statements")
			.asArray()
			.containsExactly(11);
		assertThat(history).extractingPath("$.requests[?(@.id == " + report + ")].potentialNPlusOne")
			.asArray()
			.containsExactly(1);
	}

}
