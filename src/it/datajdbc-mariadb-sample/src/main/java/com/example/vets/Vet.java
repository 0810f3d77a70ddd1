package com.example.vets;

import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A vet and the specialties it holds. The specialties belong to the aggregate: Spring
 * Data JDBC loads them with each vet, by the back-reference column {@code vet}.
 */
@Table
record Vet(@Id Long id, String name, @MappedCollection(idColumn = "vet") Set<VetSpecialty> specialties) {
}
