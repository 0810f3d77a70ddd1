package com.example.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Visit {

	@Id
	Long id;

	@ManyToOne
	Pet pet;

	@ManyToOne
	Vet vet;

	@ManyToOne
	Vet assistant;

}
