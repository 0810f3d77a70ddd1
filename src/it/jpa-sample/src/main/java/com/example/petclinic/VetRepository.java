package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface VetRepository extends Repository<Vet, Long> {

	List<Vet> findAll(Sort sort);

	/**
	 * The vets with their languages in one statement: the fetch join the finding names,
	 * through the embedded object's path.
	 */
	@Query("SELECT v FROM Vet v LEFT JOIN FETCH v.details.languages ORDER BY v.name")
	List<Vet> findAllWithLanguages();

}
