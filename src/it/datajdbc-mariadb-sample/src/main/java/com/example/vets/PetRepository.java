package com.example.vets;

import java.util.List;

import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.repository.ListCrudRepository;

interface PetRepository extends ListCrudRepository<Pet, Long> {

	List<Pet> findByOwner(AggregateReference<Owner, Long> owner);

}
