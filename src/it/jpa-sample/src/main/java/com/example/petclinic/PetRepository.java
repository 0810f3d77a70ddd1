package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PetRepository extends Repository<Pet, Long> {

	List<Pet> findAll(Sort sort);

	/** How many pets an owner has: a query, which Hibernate never answers from memory. */
	long countByOwner(Owner owner);

	/**
	 * Each pet with the size of its household in one statement: the count computed in the
	 * list's own query, the fix the finding names.
	 */
	@Query("""
			SELECT new com.example.petclinic.Household(p.name, (SELECT count(o) FROM Pet o WHERE o.owner = p.owner))
			FROM Pet p
			ORDER BY p.name, p.id
			""")
	List<Household> findHouseholds();

	Pet save(Pet pet);

}
