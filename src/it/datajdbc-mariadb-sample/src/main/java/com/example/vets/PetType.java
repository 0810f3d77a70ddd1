package com.example.vets;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record PetType(@Id Long id, String name) {
}
