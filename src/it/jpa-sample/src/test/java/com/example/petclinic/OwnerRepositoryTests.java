package com.example.petclinic;

import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.ExpectStatements;
import dev.nplusonelab.diagnostics.test.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's test support in the {@code @DataJpaTest} slice: statement counts asserted
 * on the repository alone, and the failure of an N+1 assertion names the association.
 * Then the owner a {@code @ModelAttribute} method passes on, read as the handler reads
 * it, after the repository's transaction (so with no test transaction around it): the
 * duplicate's fix says to pass it on fetched with what the later read needs, because
 * without its pets it cannot load them any more.
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
			.withMessageContaining("potential N+1: 10 statements from OwnerRepositoryTests.java:")
			.withMessageContaining(" for the 10 rows of #1 (select o1_0.id,o1_0.name from owner o1_0)")
			.withMessageContaining("Fix: " + FindingsTableTests.OWNER_PETS);
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void anOwnerPassedOnWithoutItsPetsCannotLoadThemAfterItsTransaction() {
		Owner owner = this.owners.findById(3L).orElseThrow();

		assertThatExceptionOfType(LazyInitializationException.class).isThrownBy(() -> owner.getPets().size())
			.withMessageContaining("Owner.pets");
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void anOwnerPassedOnWithItsPetsFetchedHasThemAfterItsTransactionFromOneStatement() {
		Owner[] owner = new Owner[1];
		RequestReport report = this.capture.capture(() -> owner[0] = this.owners.findWithPetsById(3L).orElseThrow());

		assertThat(owner[0].getPets()).extracting(Pet::getName).containsExactly("Jewel", "Rosy");
		ReportAssertions.assertThat(report).ranExactly(1);
	}

}
