package com.example.petclinic;

import java.util.List;

import com.example.petclinic.SampleHttp.Finding;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pets registered one by one: from ten on, the INSERTs Hibernate sends one at a time are
 * unbatched writes, which are no N+1, break no rule and count nowhere as one. The fix
 * names Hibernate's JDBC batching. On a database of its own: the pets it adds would
 * change the other tests' lists.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:registrations")
class PetRegistrationTests {

	static final String BATCH_THE_INSERTS = "let Hibernate send them as JDBC batches (an entity whose id is an "
			+ "IDENTITY column is never inserted in batches: a sequence lets it be) "
			+ "(spring.jpa.properties.hibernate.jdbc.batch_size=50 and "
			+ "spring.jpa.properties.hibernate.order_inserts=true)";

	private static final String ROUTE = "/owners/{ownerId}/pets";

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void twelvePetsSavedOneByOneAreUnbatchedWritesNotAnNPlusOne() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", ROUTE, "COUNT");

		ResponseEntity<String> registered = this.http.post("/owners/{ownerId}/pets?count={count}", 1, 12);

		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(registered.getBody()).isEqualTo("{\"owner\":1,\"pets\":12}");
		JsonContent report = this.http.report(registered);
		// The owner of the model attribute, the ids from the sequence, and an INSERT per
		// pet
		assertThat(inserts(report)).hasSize(12).allSatisfy((sql) -> assertThat(sql).startsWith("insert into pet"));
		List<String> others = others(report);
		assertThat(others.get(0)).startsWith("select o1_0.id,o1_0.name from owner o1_0");
		assertThat(others.subList(1, others.size()))
			.allSatisfy((sql) -> assertThat(sql).isEqualTo("select next value for pet_ids"));
		assertThat(report).extractingPath("$.findings[0].kind").isEqualTo("unbatched_writes");
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("unbatched writes: 12 INSERT statements from "
					+ SampleHttp.line("PetController.java", "this.directory.register(") + ", one at a time, ")
			.contains("ms: insert into pet (name,owner_id,id) values (?,?,?). Fix: ")
			.endsWith(BATCH_THE_INSERTS);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(this.http.measured("app.sql.nplusone", ROUTE, "COUNT")).isEqualTo(nPlusOnes);
	}

	@Test
	void nineInsertsAreBelowTheThresholdAndTenReachIt() {
		ResponseEntity<String> nine = this.http.post("/owners/{ownerId}/pets?count={count}", 2, 9);
		ResponseEntity<String> ten = this.http.post("/owners/{ownerId}/pets?count={count}", 2, 10);

		assertThat(inserts(this.http.report(nine))).hasSize(9);
		assertThat(this.http.findings(nine)).isEmpty();
		assertThat(this.http.findings(ten)).extracting(Finding::kind).containsExactly("unbatched_writes");
	}

	@Test
	void theRegistrationsFindingsTable() {
		assertThat(this.http.findings(this.http.post("/owners/{ownerId}/pets?count={count}", 3, 12)))
			.containsExactly(new Finding("unbatched_writes",
					SampleHttp.site("PetController.java", "this.directory.register(", 12), BATCH_THE_INSERTS));
	}

	static List<String> inserts(JsonContent report) {
		return statements(report).stream().filter((sql) -> sql.startsWith("insert")).toList();
	}

	static List<String> others(JsonContent report) {
		return statements(report).stream().filter((sql) -> !sql.startsWith("insert")).toList();
	}

	private static List<String> statements(JsonContent report) {
		return JsonPath.read(report.getJson(), "$.statements[*].sql");
	}

}
