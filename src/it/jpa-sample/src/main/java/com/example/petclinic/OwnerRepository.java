package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.ListCrudRepository;

interface OwnerRepository extends ListCrudRepository<Owner, Long> {

	List<Owner> findAll(Sort sort);

	/** The owners with their pets, in one statement: the fix the diagnostics suggest. */
	@EntityGraph(attributePaths = "pets")
	List<Owner> findAllWithPetsBy(Sort sort);

}
