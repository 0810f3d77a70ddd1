package com.example.library;

import org.springframework.data.repository.ListCrudRepository;

public interface Books extends ListCrudRepository<Book, Long> {

}
