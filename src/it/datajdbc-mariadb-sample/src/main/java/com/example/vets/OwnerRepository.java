package com.example.vets;

import org.springframework.data.repository.ListCrudRepository;

interface OwnerRepository extends ListCrudRepository<Owner, Long> {

}
