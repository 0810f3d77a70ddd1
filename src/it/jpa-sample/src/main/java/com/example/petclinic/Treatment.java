package com.example.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class Treatment {

	@Id
	private Long id;

	private String name;

	protected Treatment() {
	}

	String getName() {
		return this.name;
	}

}
