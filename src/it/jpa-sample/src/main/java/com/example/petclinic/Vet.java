package com.example.petclinic;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

@Entity
class Vet {

	@Id
	private Long id;

	private String name;

	/** The room and the languages: the languages are a collection inside it. */
	@Embedded
	private VetDetails details;

	@ManyToMany
	@JoinTable(name = "vet_specialty", joinColumns = @JoinColumn(name = "vet_id"),
			inverseJoinColumns = @JoinColumn(name = "specialty_id"))
	private Set<Specialty> specialties = new HashSet<>();

	protected Vet() {
	}

	String getName() {
		return this.name;
	}

	VetDetails getDetails() {
		return this.details;
	}

	Set<Specialty> getSpecialties() {
		return this.specialties;
	}

}
