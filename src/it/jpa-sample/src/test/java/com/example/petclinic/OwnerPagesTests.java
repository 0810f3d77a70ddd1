package com.example.petclinic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA sample as its developer would meet the diagnostics: over HTTP, in the headers,
 * the history and the metrics, with findings that name the entity association, the line
 * of the sample that loaded it and the JPA fix.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
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
		assertThat(report).extractingPath("$.findings")
			.asArray()
			.singleElement()
			.asString()
			.startsWith("potential N+1: 10 similar statements from "
					+ SampleHttp.line("OwnerSummary.java", "owner.getPets()"))
			.contains("after #1 (select o1_0.id,o1_0.name from owner o1_0 order by o1_0.name, 10 rows)")
			.contains("where p1_0.owner_id=?")
			.endsWith("Fix: join fetch Owner.pets, or batch it with @BatchSize on Owner.pets or "
					+ "hibernate.default_batch_fetch_size (SELECT o FROM Owner o LEFT JOIN FETCH o.pets, "
					+ "or @EntityGraph(attributePaths = \"pets\"))");
		assertThat(report).extractingPath("$.statements[0].callSite")
			.isEqualTo(SampleHttp.line("OwnerDirectory.java", "this.owners.findAll(BY_NAME)"));
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
		assertThat(this.http.report(pets)).extractingPath("$.findings")
			.asArray()
			.singleElement()
			.asString()
			.startsWith("potential N+1: 10 similar statements from "
					+ SampleHttp.line("PetSummary.java", "pet.getOwner().getName()"))
			.contains("13 rows)", "where o1_0.id=?")
			.endsWith("Fix: join fetch Pet.owner, or batch it with @BatchSize on Owner or "
					+ "hibernate.default_batch_fetch_size (SELECT p FROM Pet p JOIN FETCH p.owner, "
					+ "or @EntityGraph(attributePaths = \"owner\"))");
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
		assertThat(report).extractingPath("$.findings")
			.asArray()
			.singleElement()
			.asString()
			.startsWith("duplicate: 1 repeated statement with the same parameters from "
					+ SampleHttp.line("OwnerDirectory.java", "this.owners.findById(id)"))
			.endsWith("select o1_0.id,o1_0.name from owner o1_0 where o1_0.id=?");
		assertThat(this.http.measured("app.sql.statements", "/owners/{id}", "MAX")).isGreaterThanOrEqualTo(3);
		assertThat(this.http.measured("app.sql.nplusone", "/owners/{id}", "COUNT")).isEqualTo(nPlusOnes);
	}

	@Test
	void explainSaysItIsUnsupportedOnH2AndSendsNothing() {
		String report = this.http.get("/owners").getHeaders().getFirst("X-Sql-Report");

		JsonContent explained = this.http.json("/actuator/sqlrequests/{id}/{index}", report, 1);

		assertThat(explained).extractingPath("$.database").isEqualTo("H2");
		assertThat(explained).extractingPath("$.supported").isEqualTo(false);
		assertThat(explained).extractingPath("$.plan").asArray().isEmpty();
		assertThat(explained).extractingPath("$.message").asString().contains("PostgreSQL only");
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
