package com.example.clinic;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

@Entity
public class Owner {

	@Id
	Long id;

	String name;

	@OneToMany(mappedBy = "owner")
	List<Pet> pets;

}
