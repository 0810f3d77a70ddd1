DROP TABLE IF EXISTS visit, pet, pet_type, owner, vet_specialty, specialty, vet;

CREATE TABLE vet (
  id bigint PRIMARY KEY,
  name varchar(80) NOT NULL
);
CREATE TABLE specialty (
  id bigint PRIMARY KEY,
  name varchar(80) NOT NULL
);
-- Vet.specialties: owned by the vet aggregate, keyed by its back-reference column vet
CREATE TABLE vet_specialty (
  vet bigint NOT NULL REFERENCES vet (id),
  specialty bigint NOT NULL REFERENCES specialty (id),
  PRIMARY KEY (vet, specialty)
);
CREATE TABLE owner (
  id bigint PRIMARY KEY,
  name varchar(80) NOT NULL
);
CREATE TABLE pet_type (
  id bigint PRIMARY KEY,
  name varchar(80) NOT NULL
);
CREATE TABLE pet (
  id bigint PRIMARY KEY,
  name varchar(80) NOT NULL,
  owner bigint NOT NULL REFERENCES owner (id),
  type bigint NOT NULL REFERENCES pet_type (id)
);
CREATE TABLE visit (
  id bigint AUTO_INCREMENT PRIMARY KEY,
  pet bigint NOT NULL REFERENCES pet (id),
  visit_date date NOT NULL,
  description varchar(255) NOT NULL
);
