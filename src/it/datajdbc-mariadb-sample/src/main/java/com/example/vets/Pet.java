package com.example.vets;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A pet, referring to its owner and its type by id: Spring Data JDBC never loads another
 * aggregate for it, so whoever needs their names looks them up.
 */
@Table
record Pet(@Id Long id, String name, AggregateReference<Owner, Long> owner, AggregateReference<PetType, Long> type) {
}
