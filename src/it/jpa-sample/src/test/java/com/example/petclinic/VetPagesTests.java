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
 * Associations where a fix is easy to get wrong: a collection inside an embedded object,
 * named by its path from the entity, and the inverse side of a many-to-many, named by the
 * mapping rather than by its join table. Each fix, applied, gives the same list in one
 * statement.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VetPagesTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void theLanguagesInsideEachVetsDetailsAreNamedByTheirPath() {
		ResponseEntity<String> vets = this.http.get("/vets");

		// The six vets, then the languages of each
		assertThat(vets.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("7");
		JsonContent report = this.http.report(vets);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 6 statements from "
					+ SampleHttp.line("VetSummary.java", "vet.getDetails().getLanguages()")
					+ " for the 6 rows of #1 (select v1_0.id,v1_0.room,v1_0.name from vet v1_0 order by v1_0.name), ")
			.contains("ms: select l1_0.vet_id,l1_0.language from vet_language l1_0 where l1_0.vet_id=?. Fix: ")
			.endsWith(FindingsTableTests.VET_LANGUAGES);
	}

	@Test
	void theFetchJoinThroughTheEmbeddedPathGivesTheSameVetsInOneStatement() {
		ResponseEntity<String> fetched = this.http.get("/vets/with-languages");

		assertThat(fetched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(this.http.report(fetched)).extractingPath("$.findings").asArray().isEmpty();
		assertThat(fetched.getBody())
			.contains("{\"name\":\"Helen Leary\",\"room\":\"A2\",\"languages\":[\"English\",\"French\"]}")
			.isEqualTo(this.http.get("/vets").getBody());
	}

	@Test
	void theVetsOfEachSpecialtyAreNamedByTheInverseSidesMappingNotByTheJoinTable() {
		ResponseEntity<String> specialties = this.http.get("/specialties");

		// The four specialties, then the vets of each, through the vets' join table
		assertThat(specialties.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("5");
		JsonContent report = this.http.report(specialties);
		assertThat(report).extractingPath("$.findings[0].sql")
			.asString()
			.contains("from vet_specialty v1_0 join vet v1_1 on v1_1.id=v1_0.vet_id where v1_0.specialty_id=?");
		assertThat(report).extractingPath("$.findings[0].fix.text")
			.isEqualTo(FindingsTableTests.SPECIALTY_VETS)
			.asString()
			.doesNotContain("vet_specialty");
	}

	@Test
	void theEntityGraphOnTheInverseSideGivesTheSameSpecialtiesInOneStatement() {
		ResponseEntity<String> fetched = this.http.get("/specialties/with-vets");

		assertThat(fetched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		assertThat(this.http.report(fetched)).extractingPath("$.findings").asArray().isEmpty();
		assertThat(fetched.getBody()).contains("{\"name\":\"cardiology\",\"vets\":[]}")
			.isEqualTo(this.http.get("/specialties").getBody());
	}

}
