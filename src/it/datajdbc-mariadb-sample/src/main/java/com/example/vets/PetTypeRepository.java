package com.example.vets;

import org.springframework.data.repository.ListCrudRepository;

interface PetTypeRepository extends ListCrudRepository<PetType, Long> {

}
