package com.example.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
class Pet {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Owner owner;

	protected Pet() {
	}

	String getName() {
		return this.name;
	}

	Owner getOwner() {
		return this.owner;
	}

}
