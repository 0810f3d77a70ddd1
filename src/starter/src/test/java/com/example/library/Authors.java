package com.example.library;

import org.springframework.data.repository.ListCrudRepository;

public interface Authors extends ListCrudRepository<Author, Long> {

}
