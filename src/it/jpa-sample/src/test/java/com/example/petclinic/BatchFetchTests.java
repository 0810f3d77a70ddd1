package com.example.petclinic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application with {@code hibernate.default_batch_fetch_size=4} (the
 * {@code batch} profile): Hibernate loads the pets of four owners per statement, with an
 * IN-list padded to four keys. Three batches for a list of ten are no N+1, but batch+1:
 * the batch is smaller than the list, and the finding names the size that covers it. It
 * is also the fix the visits' treatments call for, next to the LOAD graph of the pets and
 * vets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("batch")
class BatchFetchTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void theNaiveListLoadsThePetsInBatchesOfFourWhichIsBatchPlusOneAndNoPotentialNPlusOne() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/owners", "COUNT");

		ResponseEntity<String> owners = this.http.get("/owners");

		// The ten owners, then their pets four owners at a time: 4 + 4 + 2
		assertThat(owners.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("4");
		JsonContent report = this.http.report(owners);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("batch_plus_one");
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("batch+1: 3 batches of up to 4 keys for the 10 rows of #1 (");
		assertThat(report).extractingPath("$.findings[0].fix.code")
			.isEqualTo("@BatchSize(size = 10) on Owner.pets, or "
					+ "spring.jpa.properties.hibernate.default_batch_fetch_size=10, or SELECT o FROM Owner o "
					+ "LEFT JOIN FETCH o.pets");
		assertThat(report).extractingPath("$.statements[1].sql")
			.asString()
			.contains("where p1_0.owner_id in (?,?,?,?)");
		assertThat(report).extractingPath("$.statements[3].parameters[0]")
			.asArray()
			.containsExactly("8", "5", "NULL", "NULL");
		assertThat(this.http.measured("app.sql.nplusone", "/owners", "COUNT")).isEqualTo(nPlusOnes);
		assertThat(owners.getBody()).isEqualTo(this.http.get("/owners/with-pets").getBody());
	}

	@Test
	void theLoadGraphWithBatchedTreatmentsGivesTheSameVisitsInFiveStatementsWithOnlyABatchPlusOne() {
		ResponseEntity<String> graph = this.http.get("/visits/with-graph");

		// The page with its pets and vets, the treatments of four, four and two visits,
		// the count
		assertThat(graph.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("5");
		JsonContent report = this.http.report(graph);
		// The page is paged: the treatments' fix is a batch size of the page, never a
		// fetch join of the collection
		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("batch_plus_one");
		assertThat(report).extractingPath("$.findings[0].fix.code")
			.isEqualTo("@BatchSize(size = 10) on Visit.treatments, or "
					+ "spring.jpa.properties.hibernate.default_batch_fetch_size=10");
		assertThat(report).extractingPath("$.statements[1].sql")
			.asString()
			.contains("where t1_0.visit_id in (?,?,?,?)");
		ResponseEntity<String> naive = this.http.get("/visits");
		assertThat(graph.getBody()).isEqualTo(naive.getBody());
		assertThat(Integer.parseInt(naive.getHeaders().getFirst("X-Sql-Statements"))).isGreaterThan(5);
		assertThat(this.http.findings(naive)).extracting(SampleHttp.Finding::kind).containsOnly("batch_plus_one");
	}

}
