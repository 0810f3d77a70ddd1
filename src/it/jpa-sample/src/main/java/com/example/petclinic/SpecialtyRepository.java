package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface SpecialtyRepository extends Repository<Specialty, Long> {

	List<Specialty> findAll(Sort sort);

	/**
	 * The specialties with their vets in one statement: the entity graph the finding
	 * names, on the inverse side of the association.
	 */
	@EntityGraph(attributePaths = "vets")
	List<Specialty> findAllWithVetsBy(Sort sort);

}
