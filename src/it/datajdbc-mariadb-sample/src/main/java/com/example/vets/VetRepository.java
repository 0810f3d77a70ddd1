package com.example.vets;

import org.springframework.data.repository.ListCrudRepository;

interface VetRepository extends ListCrudRepository<Vet, Long> {

}
