package com.example.petclinic;

import java.util.List;

import com.example.petclinic.SampleHttp.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch fetching on, with a batch smaller than the list: with
 * {@code hibernate.default_batch_fetch_size=2}, the ten owners' pets take five
 * {@code IN (?, ?)} statements. That is batch+1: one finding, at the line that read the
 * pets, whose fix is a batch size of at least ten on {@code Owner.pets} or a fetch join.
 * On a database of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.properties.hibernate.default_batch_fetch_size=2",
				"spring.datasource.url=jdbc:h2:mem:batch-size-two" })
class BatchSizeTwoTests {

	static final String OWNER_PETS_BATCHES = "load the 10 keys in one batch: a batch size of at least 10 for "
			+ "Owner.pets, with @BatchSize on Owner.pets or hibernate.default_batch_fetch_size; or join fetch "
			+ "Owner.pets in the list's query (@BatchSize(size = 10) on Owner.pets, or "
			+ "spring.jpa.properties.hibernate.default_batch_fetch_size=10, or SELECT o FROM Owner o LEFT JOIN FETCH "
			+ "o.pets)";

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void tenOwnersPetsInFiveBatchesOfTwoAreOneBatchPlusOneWithABatchSizeOfTenAsItsFix() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/owners", "COUNT");

		ResponseEntity<String> owners = this.http.get("/owners");

		// The ten owners, then their pets two owners at a time
		assertThat(owners.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("6");
		String pets = SampleHttp.line("OwnerSummary.java", "owner.getPets()");
		assertThat(this.http.findings(owners))
			.containsExactly(new Finding("batch_plus_one", pets + " (5×)", OWNER_PETS_BATCHES));
		JsonContent report = this.http.report(owners);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("batch+1: 5 batches of 2 keys for the 10 rows of #1 (select o1_0.id,o1_0.name from owner o1_0 "
					+ "order by o1_0.name) from " + pets + ", 10 keys in all, ")
			.contains(" ms: SELECT … from pet p1_0 where p1_0.owner_id in (?,?) ");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(5);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(10);
		assertThat(report).extractingPath("$.findings[0].batchSize").isEqualTo(2);
		assertThat(report).extractingPath("$.findings[0].source").isEqualTo(1);
		List<List<String>> keys = com.jayway.jsonpath.JsonPath.read(report.getJson(), "$.statements[1:].parameters[0]");
		assertThat(keys).flatExtracting((pair) -> pair)
			.containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
		// Batch+1 is not counted as a potential N+1
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(this.http.measured("app.sql.nplusone", "/owners", "COUNT")).isEqualTo(nPlusOnes);
		assertThat(owners.getBody()).isEqualTo(this.http.get("/owners/with-pets").getBody());
	}

}
