package com.example.vets;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

interface VisitRepository extends ListCrudRepository<Visit, Long>, ListPagingAndSortingRepository<Visit, Long> {

}
