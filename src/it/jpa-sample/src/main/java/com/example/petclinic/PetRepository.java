package com.example.petclinic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;

interface PetRepository extends Repository<Pet, Long> {

	List<Pet> findAll(Sort sort);

}
