package com.example.petclinic;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.Sort;

import dev.nplusonelab.diagnostics.test.ExpectStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both fixes the vets' finding names, pasted as written: the fetch join through the
 * embedded path (the sample's) and the entity graph through it.
 */
@DataJpaTest
class VetRepositoryTests {

	@Autowired
	private VetRepository vets;

	@Autowired
	private EntityGraphVetRepository graph;

	@Test
	@ExpectStatements(exactly = 1)
	void theFetchJoinThroughTheEmbeddedPathLoadsTheLanguagesInOneStatement() {
		assertThat(this.vets.findAllWithLanguages()).map(VetSummary::of).flatMap(VetSummary::languages).hasSize(9);
	}

	@Test
	@ExpectStatements(exactly = 1)
	void theEntityGraphThroughTheEmbeddedPathLoadsThemInOneStatementToo() {
		assertThat(this.graph.findAllWithLanguagesBy(Sort.by("name"))).map(VetSummary::of)
			.flatMap(VetSummary::languages)
			.hasSize(9);
	}

}
