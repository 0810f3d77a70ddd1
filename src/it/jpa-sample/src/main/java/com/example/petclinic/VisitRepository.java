package com.example.petclinic;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.EntityGraph.EntityGraphType;
import org.springframework.data.repository.Repository;

interface VisitRepository extends Repository<Visit, Long> {

	/**
	 * The naive page: a paged query that fetches none of Visit's EAGER associations, so
	 * Hibernate loads each pet, each vet and each visit's treatments with a statement of
	 * its own.
	 */
	Page<Visit> findAll(Pageable pageable);

	/**
	 * The page with the fix the findings name for {@code Visit.pet} and
	 * {@code Visit.vet}: both joined in the page's query. A LOAD graph, because it leaves
	 * the treatments as mapped, EAGER; the default FETCH graph would make them lazy, and
	 * the controller, which reads them after this method's transaction, would fail. The
	 * treatments are not in the graph: a fetch join of a collection on a paged query
	 * makes Hibernate read every row and page in memory. Their fix is a batch size.
	 */
	@EntityGraph(type = EntityGraphType.LOAD, attributePaths = { "pet", "vet" })
	Page<Visit> findWithPetAndVetBy(Pageable pageable);

}
