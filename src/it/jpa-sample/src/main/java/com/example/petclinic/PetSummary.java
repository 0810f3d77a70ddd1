package com.example.petclinic;

/** A pet in the list, with its owner's name. */
record PetSummary(String name, String owner) {

	static PetSummary of(Pet pet) {
		return new PetSummary(pet.getName(), pet.getOwner().getName());
	}

}
