package com.example.vets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.json.JsonContent;

import dev.nplusonelab.diagnostics.NPlusOneProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second half of the starter's fix for unbatched writes, measured: with
 * {@code rewriteBatchedStatements=true} on the URL, Connector/J rewrites the batch that
 * {@code saveAll} hands it into one multi-row INSERT, and the server runs one INSERT
 * where {@link VetClinicPagesTests} counts one per visit. The application sees no
 * difference: one JDBC batch, the same report. Visits saved one at a time are no batch to
 * rewrite, so the option alone changes nothing for them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { MariaDbConfiguration.URL_OPTIONS + "=?rewriteBatchedStatements=true",
				"spring.datasource.hikari.maximum-pool-size=1" })
@Import(MariaDbConfiguration.class)
class RewrittenBatchTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private NPlusOneProperties diagnostics;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@AfterEach
	void cancelBookedVisits() {
		this.jdbc.update("DELETE FROM visit WHERE id > 4");
	}

	@Test
	void saveAllReachesTheServerAsOneInsert() {
		int threshold = this.diagnostics.getWrites().getUnbatchedThreshold();
		SessionInserts before = SessionInserts.of(this.jdbc);

		ResponseEntity<String> booked = this.http.post("/visits/batched?pet=3&count={n}", threshold);

		assertThat(booked.getStatusCode().value()).isEqualTo(302);
		assertThat(booked.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("1");
		JsonContent report = this.http.report(booked);
		assertThat(report).extractingPath("$.statements[0].sql").isEqualTo(VetClinicPagesTests.INSERT_VISIT);
		assertThat(report).extractingPath("$.statements[0].parameters").asArray().hasSize(threshold);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(SessionInserts.of(this.jdbc).since(before)).isEqualTo(1);
		// Every visit is there, each with an id of its own
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM visit WHERE pet = 3", Long.class))
			.isEqualTo(2 + threshold);
	}

	@Test
	void visitsSavedOneAtATimeAreStillAnInsertEach() {
		int threshold = this.diagnostics.getWrites().getUnbatchedThreshold();
		SessionInserts before = SessionInserts.of(this.jdbc);

		JsonContent report = this.http.report(this.http.post("/visits?pet=3&count={n}", threshold));

		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("unbatched_writes");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(threshold);
		assertThat(SessionInserts.of(this.jdbc).since(before)).isEqualTo(threshold);
	}

}
