package com.example.petclinic;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OwnerRepository extends ListCrudRepository<Owner, Long> {

	List<Owner> findAll(Sort sort);

	/** The owner as a reference, for a new pet to point to: nothing is read. */
	Owner getReferenceById(Long id);

	/** The owners with their pets, in one statement: the fix the diagnostics suggest. */
	@EntityGraph(attributePaths = "pets")
	List<Owner> findAllWithPetsBy(Sort sort);

	/**
	 * One owner with its pets, in one statement: the owner a {@code @ModelAttribute}
	 * method can pass on to a handler that reads its pets after this transaction, the fix
	 * the duplicate names. A left join: an owner with no pets is still found.
	 */
	@Query("SELECT o FROM Owner o LEFT JOIN FETCH o.pets WHERE o.id = :id")
	Optional<Owner> findWithPetsById(long id);

}
