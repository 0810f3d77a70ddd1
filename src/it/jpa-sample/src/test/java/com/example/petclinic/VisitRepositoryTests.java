package com.example.petclinic;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The entity graphs of the visit page, read as the controller reads them: after the
 * repository's transaction (so no test transaction around them either). The LOAD graph
 * the findings name keeps the treatments EAGER; the default FETCH graph makes them lazy
 * and the page fails, as the findings say it would.
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class VisitRepositoryTests {

	private static final Pageable FIRST_PAGE = PageRequest.of(0, 10, Sort.by("id"));

	@Autowired
	private VisitRepository visits;

	@Autowired
	private FetchGraphVisitRepository fetchGraph;

	@Autowired
	private SqlCapture capture;

	@Test
	void theLoadGraphLeavesTheTreatmentsLoadedAfterTheTransaction() {
		Page<Visit>[] page = new Page[1];
		RequestReport report = this.capture.capture(() -> page[0] = this.visits.findWithPetAndVetBy(FIRST_PAGE));

		assertThat(VisitPage.of(page[0]).visits()).hasSize(10)
			.allSatisfy((visit) -> assertThat(visit.treatments()).isNotEmpty());
		// The page with pets and vets, the treatments of each visit, the count
		ReportAssertions.assertThat(report).ranExactly(12);
	}

	@Test
	void theDefaultFetchGraphMakesTheTreatmentsLazyAndReadingThemFails() {
		Page<Visit> page = this.fetchGraph.findWithPetAndVetBy(FIRST_PAGE);

		assertThatExceptionOfType(org.hibernate.LazyInitializationException.class).isThrownBy(() -> VisitPage.of(page))
			.withMessageContaining("Visit.treatments");
	}

}
