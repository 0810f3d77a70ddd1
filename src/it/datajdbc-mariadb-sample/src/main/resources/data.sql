INSERT INTO specialty (id, name) VALUES (1, 'radiology'), (2, 'surgery'), (3, 'dentistry');
INSERT INTO vet (id, name) VALUES
  (1, 'James Carter'), (2, 'Helen Leary'), (3, 'Linda Douglas'), (4, 'Rafael Ortega');
INSERT INTO vet_specialty (vet, specialty) VALUES (2, 1), (3, 2), (3, 3), (4, 2);
INSERT INTO owner (id, name) VALUES (1, 'George Franklin'), (2, 'Betty Davis'), (3, 'Eduardo Rodriquez');
INSERT INTO pet_type (id, name) VALUES (1, 'cat'), (2, 'dog');
INSERT INTO pet (id, name, owner, type) VALUES
  (1, 'Leo', 1, 1), (2, 'Basil', 2, 2), (3, 'Rosy', 3, 2), (4, 'Jewel', 3, 2);
-- Two dogs of two owners, twice each: every lookup per visit repeats its key
INSERT INTO visit (id, pet, visit_date, description) VALUES
  (1, 3, '2013-01-01', 'rabies shot'), (2, 2, '2013-01-02', 'rabies shot'),
  (3, 2, '2013-01-03', 'neutered'), (4, 3, '2013-01-04', 'spayed');
