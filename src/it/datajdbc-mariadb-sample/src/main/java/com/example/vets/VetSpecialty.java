package com.example.vets;

import org.springframework.data.jdbc.core.mapping.AggregateReference;

/**
 * One row of {@code vet_specialty}: a specialty is an aggregate of its own, so the vet
 * holds its id, never the specialty itself.
 */
record VetSpecialty(AggregateReference<Specialty, Long> specialty) {
}
