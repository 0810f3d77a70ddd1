/**
 * JPA entities shaped like spring-petclinic's, for the suggestions that read Hibernate's
 * mapping: owners with pets, vets with specialties (a join table), visits of a pet by a
 * vet and an assistant (two associations to one entity); and articles whose tags live in
 * an embedded object, with the inverse sides of a many-to-many and of a one-to-one.
 */
package com.example.clinic;
