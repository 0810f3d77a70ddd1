package com.example.shop;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate of one table, for the {@code @DataJdbcTest} slice. */
@Table("author")
public record Author(@Id Long id, String name) {
}
