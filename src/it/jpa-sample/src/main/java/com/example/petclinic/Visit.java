package com.example.petclinic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/**
 * A visit, mapped the way many applications map one: everything it refers to is EAGER, so
 * that a controller can read it after the repository's transaction. Both to-ones are left
 * at {@code @ManyToOne}'s default, which is EAGER, and the treatments are made EAGER on
 * purpose. A query that does not fetch them (a Spring Data {@code findAll(Pageable)})
 * then loads each of them row by row.
 */
@Entity
class Visit {

	@Id
	private Long id;

	@Column(name = "visit_date")
	private LocalDate date;

	private String description;

	@ManyToOne
	private Pet pet;

	@ManyToOne
	private Vet vet;

	@ManyToMany(fetch = FetchType.EAGER)
	@JoinTable(name = "visit_treatment", joinColumns = @JoinColumn(name = "visit_id"),
			inverseJoinColumns = @JoinColumn(name = "treatment_id"))
	private Set<Treatment> treatments = new HashSet<>();

	protected Visit() {
	}

	Long getId() {
		return this.id;
	}

	LocalDate getDate() {
		return this.date;
	}

	String getDescription() {
		return this.description;
	}

	Pet getPet() {
		return this.pet;
	}

	Vet getVet() {
		return this.vet;
	}

	Set<Treatment> getTreatments() {
		return this.treatments;
	}

}
