package com.example.vets;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;

/** A visit of a pet; its id comes from the AUTO_INCREMENT column when it is saved. */
@Table
record Visit(@Id Long id, AggregateReference<Pet, Long> pet, LocalDate visitDate, String description) {

	static Visit booked(long pet, LocalDate date, String description) {
		return new Visit(null, AggregateReference.to(pet), date, description);
	}

}
