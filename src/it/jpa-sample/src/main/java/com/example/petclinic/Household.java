package com.example.petclinic;

/** A pet, with how many pets its owner has, itself included. */
record Household(String pet, long pets) {

}
