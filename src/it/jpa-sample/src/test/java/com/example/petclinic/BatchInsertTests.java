package com.example.petclinic;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
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
 * The same registration with the fix the unbatched writes name
 * ({@code hibernate.jdbc.batch_size} and {@code order_inserts}, the {@code batch-inserts}
 * profile): the twelve INSERTs go as one JDBC batch, one statement carrying twelve rows,
 * and there is no finding. On a database of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:batched-registrations")
@ActiveProfiles("batch-inserts")
class BatchInsertTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void twelvePetsGoAsOneBatchWithNoFinding() {
		ResponseEntity<String> registered = this.http.post("/owners/{ownerId}/pets?count={count}", 1, 12);

		assertThat(registered.getBody()).isEqualTo("{\"owner\":1,\"pets\":12}");
		JsonContent report = this.http.report(registered);
		assertThat(PetRegistrationTests.inserts(report))
			.containsExactly("insert into pet (name,owner_id,id) values (?,?,?)");
		List<List<String>> rows = JsonPath.read(report.getJson(), "$.statements[?(@.sql =~ /insert.*/)].parameters[*]");
		assertThat(rows).hasSize(12).first().isEqualTo(List.of("'Pet 1'", "1", "100"));
		// The owner, the sequence, the batch
		assertThat(PetRegistrationTests.others(report)).hasSizeLessThanOrEqualTo(3);
		assertThat(registered.getHeaders().getFirst("X-Sql-Statements"))
			.isEqualTo(Integer.toString(PetRegistrationTests.others(report).size() + 1));
		assertThat(this.http.findings(registered)).isEmpty();
	}

}
