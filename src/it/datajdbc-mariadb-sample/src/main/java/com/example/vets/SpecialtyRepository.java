package com.example.vets;

import org.springframework.data.repository.ListCrudRepository;

interface SpecialtyRepository extends ListCrudRepository<Specialty, Long> {

}
