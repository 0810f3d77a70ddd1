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
 * A paged list of an entity with three EAGER associations: each is loaded row by row, and
 * each finding names the EAGER mapping as the root cause. The fix for the two to-ones is
 * a LOAD entity graph, which keeps the third EAGER; the fix for the collection on a paged
 * query is a batch size, never a fetch join that Hibernate would page in memory
 * ({@code VisitBatchSizeTests} applies it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VisitPagesTests {

	/**
	 * The first page of visits, as {@code data.sql} holds them: the ten visits by id,
	 * each with its pet, its vet and its treatments by name, then where the page is among
	 * the fourteen visits.
	 */
	static final String FIRST_PAGE = "{\"visits\":["
			+ String.join(",", visit(1, "2025-01-06", "rabies shot", "Samantha", "James Carter", "Vaccination"),
					visit(2, "2025-01-08", "neutered", "Max", "Linda Douglas", "Check-up"),
					visit(3, "2025-01-10", "limping", "Leo", "Linda Douglas", "Check-up", "X-ray"),
					visit(4, "2025-01-13", "annual check", "Basil", "Helen Leary", "Check-up", "Vaccination"),
					visit(5, "2025-01-20", "booster", "Samantha", "Rafael Ortega", "Vaccination"),
					visit(6, "2025-02-03", "tartar", "Rosy", "James Carter", "Dental cleaning"),
					visit(7, "2025-02-05", "cough", "Iggy", "Helen Leary", "Check-up", "X-ray"),
					visit(8, "2025-02-11", "follow-up", "Leo", "Linda Douglas", "Check-up"),
					visit(9, "2025-02-17", "annual check", "Lucky", "James Carter", "Check-up", "Vaccination"),
					visit(10, "2025-03-02", "swallowed a sock", "Freddy", "Rafael Ortega", "Check-up", "X-ray"))
			+ "],\"page\":0,\"pages\":2,\"total\":14}";

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void eachEagerAssociationOfThePageIsAnNPlusOneNamingItsMappingAsTheRootCause() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/visits", "COUNT");

		ResponseEntity<String> visits = this.http.get("/visits");

		// The page of ten visits, their eight pets, their four vets, the treatments of
		// each
		// visit, and the count of all visits
		assertThat(visits.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("24");
		assertThat(visits.getBody()).isEqualTo(FIRST_PAGE);
		JsonContent report = this.http.report(visits);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(3);
		// Three potential N+1s and no broken rule: no rule scope or strict mode holds
		// this page to the N+1 rule
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(report).extractingPath("$.findings[*].count").asArray().containsExactly(10, 8, 4);
		assertThat(report).extractingPath("$.findings[*].source").asArray().containsExactly(1, 1, 1);
		assertThat(report).extractingPath("$.statements[0].sql")
			.asString()
			.contains("from visit v1_0 order by v1_0.id offset ? rows fetch first ? rows only");
		// The collection, on a paged query: the root cause, a batch size that keeps it
		// EAGER, why not a fetch join, and where LAZY would do
		assertThat(report).extractingPath("$.findings[0].fix.summary")
			.asString()
			.startsWith("Visit.treatments is FetchType.EAGER, so every query that does not fetch it loads it row "
					+ "by row: batch it with @BatchSize(size = 10) on Visit.treatments")
			.endsWith("; FetchType.LAZY removes the cause where every page that reads Visit.treatments fetches it or "
					+ "reads it within its transaction");
		assertThat(report).extractingPath("$.findings[0].fix.code")
			.isEqualTo("@BatchSize(size = 10) on Visit.treatments, or read the page's ids first, then "
					+ "SELECT v FROM Visit v LEFT JOIN FETCH v.treatments WHERE v.id IN :ids");
		assertThat(report).extractingPath("$.findings[0].fix.text").isEqualTo(FindingsTableTests.VISIT_TREATMENTS);
		// The to-ones: a LOAD graph, because Visit has other EAGER associations
		assertThat(report).extractingPath("$.findings[1].fix.text").isEqualTo(FindingsTableTests.VISIT_PET);
		assertThat(report).extractingPath("$.findings[2].fix.text").isEqualTo(FindingsTableTests.VISIT_VET);
		assertThat(this.http.measured("app.sql.nplusone", "/visits", "COUNT")).isEqualTo(nPlusOnes + 3);
	}

	@Test
	void theLoadGraphJoinsThePetsAndVetsAndKeepsTheTreatmentsLoadedForTheController() {
		ResponseEntity<String> graph = this.http.get("/visits/with-graph");

		// The page with its pets and vets, the treatments of each visit, the count: the
		// treatments are still EAGER, so the controller can read them, but row by row
		assertThat(graph.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("12");
		assertThat(graph.getBody()).isEqualTo(FIRST_PAGE);
		JsonContent report = this.http.report(graph);
		assertThat(report).extractingPath("$.statements[0].sql")
			.asString()
			.contains(
					"from visit v1_0 left join pet p1_0 on p1_0.id=v1_0.pet_id left join vet v2_0 on v2_0.id=v1_0.vet_id")
			.contains("fetch first ? rows only");
		assertThat(report).extractingPath("$.findings").asArray().hasSize(1);
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(10);
		assertThat(report).extractingPath("$.findings[0].fix.text").isEqualTo(FindingsTableTests.VISIT_TREATMENTS);
	}

	/** One visit of a page, as the controller writes it. */
	static String visit(int id, String date, String description, String pet, String vet, String... treatments) {
		return "{\"id\":" + id + ",\"date\":\"" + date + "\",\"description\":\"" + description + "\",\"pet\":\"" + pet
				+ "\",\"vet\":\"" + vet + "\",\"treatments\":[\"" + String.join("\",\"", treatments) + "\"]}";
	}

}
