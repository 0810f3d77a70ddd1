package com.example.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
class Specialty {

	@Id
	private Long id;

	private String name;

	/**
	 * The inverse side of {@link Vet#getSpecialties()}: the join table is the vet's, and
	 * this side reads it by its {@code specialty_id}.
	 */
	@ManyToMany(mappedBy = "specialties")
	private Set<Vet> vets = new HashSet<>();

	protected Specialty() {
	}

	String getName() {
		return this.name;
	}

	Set<Vet> getVets() {
		return this.vets;
	}

}
