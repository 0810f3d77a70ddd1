package com.example.vets;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
record Owner(@Id Long id, String name) {
}
