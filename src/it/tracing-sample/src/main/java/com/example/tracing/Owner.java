package com.example.tracing;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

@Entity
class Owner {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "owner")
	@OrderBy("name")
	private List<Pet> pets = new ArrayList<>();

	protected Owner() {
	}

	String getName() {
		return this.name;
	}

	List<Pet> getPets() {
		return this.pets;
	}

}
