package com.example.petclinic;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Index hints on H2, which stores unquoted names in upper case: a microchip looked up per
 * pet by a column H2 has no index on gets a hint in H2's names and an index H2 accepts,
 * which ends it. The pages' own lookups follow Hibernate's foreign keys, which H2 indexes
 * itself, and get none. And {@code usesIndexes()} says plainly that it cannot read H2's
 * plans, rather than passing. The indexes are read again for every finding here
 * ({@code refresh=0s}), so that the index the test adds is seen at once.
 */
@SpringBootTest(properties = "nplusone.index-hints.refresh=0s")
class IndexHintsOnH2Tests {

	private static final String CHIP = "SELECT code FROM microchip WHERE pet_id = ?";

	@Autowired
	private SqlCapture capture;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@BeforeEach
	void microchips() {
		this.jdbc.execute("CREATE TABLE microchip (id bigint PRIMARY KEY, pet_id bigint NOT NULL, code varchar(20))");
		this.jdbc.execute("INSERT INTO microchip SELECT id, id, 'CHIP-' || id FROM pet");
	}

	@AfterEach
	void dropMicrochips() {
		this.jdbc.execute("DROP TABLE microchip");
	}

	@Test
	void aLookupPerPetOnAColumnH2HasNoIndexOnGetsAHintInH2sNamesThatTheIndexEnds() {
		RequestReport report = this.capture.capture(() -> {
			for (Long pet : this.jdbc.queryForList("SELECT id FROM pet ORDER BY id", Long.class)) {
				this.jdbc.queryForList(CHIP, String.class, pet);
			}
		});
		int pets = report.statementCount() - 1;

		Finding finding = nPlusOne(report);

		assertThat(finding.indexHintText())
			.isEqualTo("no index on MICROCHIP.PET_ID: each of the " + pets + " lookups scans the table");
		assertThat(finding.indexHint().create()).isEqualTo("CREATE INDEX microchip_pet_id_idx ON microchip (pet_id)");
		this.jdbc.execute(finding.indexHint().create());

		assertThat(nPlusOne(report).indexHint()).isNull();
	}

	@Test
	void hibernatesLookupsByAForeignKeyGetNoHint() {
		RequestReport report = this.capture.capture(() -> {
			for (Long owner : this.jdbc.queryForList("SELECT id FROM owner ORDER BY id", Long.class)) {
				this.jdbc.queryForList("SELECT name FROM pet WHERE owner_id = ?", String.class, owner);
			}
		});

		assertThat(nPlusOne(report).indexHint()).isNull();
	}

	@Test
	void usesIndexesSaysItCannotReadH2sPlansInsteadOfPassing() {
		RequestReport report = this.capture.capture(() -> this.jdbc.queryForList(CHIP, String.class, 1L));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).usesIndexes(this.dataSource))
			.withMessageStartingWith(
					"usesIndexes() reads the plans of PostgreSQL, MariaDB and MySQL 8.0.18 or later; this DataSource is H2 2.")
			.withMessageEndingWith(", whose plans it cannot read: nothing was checked.");
	}

	private Finding nPlusOne(RequestReport report) {
		List<Finding> findings = this.diagnostics.findings(report);
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Finding.Kind.N_PLUS_ONE);
		return findings.get(0);
	}

}
