package com.example.petclinic;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Sort;

import dev.nplusonelab.diagnostics.NPlusOneDetector;
import dev.nplusonelab.diagnostics.RequestReport;
import dev.nplusonelab.diagnostics.SqlCapture;
import dev.nplusonelab.diagnostics.test.ExpectStatements;
import dev.nplusonelab.diagnostics.test.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's test support in the {@code @DataJpaTest} slice: statement counts asserted
 * on the repository alone, and the failure of an N+1 assertion names the association.
 */
@DataJpaTest
class OwnerRepositoryTests {

	@Autowired
	private OwnerRepository owners;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NPlusOneDetector detector;

	@Test
	@ExpectStatements(exactly = 1)
	void theEntityGraphLoadsTheOwnersWithTheirPetsInOneStatement() {
		assertThat(this.owners.findAllWithPetsBy(Sort.by("name"))).flatMap(Owner::getPets).hasSize(13);
	}

	@Test
	void readingEachOwnersPetsFailsTheNPlusOneAssertionWithTheFix() {
		RequestReport report = this.capture
			.capture(() -> this.owners.findAll().forEach((owner) -> owner.getPets().size()));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReportAssertions.assertThat(report).usingDetector(this.detector).hasNoPotentialNPlusOne())
			.withMessageContaining("potential N+1: 10 similar statements from OwnerRepositoryTests.java:")
			.withMessageContaining("Fix: join fetch Owner.pets");
	}

}
