package com.example.bookshop;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

interface AuthorRepository extends ListCrudRepository<Author, Long>, ListPagingAndSortingRepository<Author, Long> {

}
