INSERT INTO owner (id, name) VALUES
  (1, 'George Franklin'), (2, 'Betty Davis'), (3, 'Eduardo Rodriquez'), (4, 'Harold Davis'),
  (5, 'Peter McTavish'), (6, 'Jean Coleman'), (7, 'Jeff Black'), (8, 'Maria Escobito'),
  (9, 'David Schroeder'), (10, 'Carlos Estaban');
INSERT INTO pet (id, name, owner_id) VALUES
  (1, 'Leo', 1), (2, 'Basil', 2), (3, 'Rosy', 3), (4, 'Jewel', 3), (5, 'Iggy', 4), (6, 'George', 5),
  (7, 'Samantha', 6), (8, 'Max', 6), (9, 'Lucky', 7), (10, 'Mulligan', 8), (11, 'Freddy', 9),
  (12, 'Lucky', 10), (13, 'Sly', 10);
INSERT INTO specialty (id, name) VALUES
  (1, 'radiology'), (2, 'surgery'), (3, 'dentistry'), (4, 'cardiology');
INSERT INTO vet (id, name, room) VALUES
  (1, 'James Carter', 'A1'), (2, 'Helen Leary', 'A2'), (3, 'Linda Douglas', 'B1'), (4, 'Rafael Ortega', 'B2'),
  (5, 'Henry Stevens', 'C1'), (6, 'Sharon Jenkins', 'C2');
INSERT INTO vet_language (vet_id, language) VALUES
  (1, 'English'), (2, 'English'), (2, 'French'), (3, 'English'), (3, 'Spanish'), (4, 'Spanish'),
  (5, 'English'), (6, 'English'), (6, 'German');
INSERT INTO vet_specialty (vet_id, specialty_id) VALUES
  (2, 1), (3, 2), (3, 3), (4, 2), (5, 1);
INSERT INTO treatment (id, name) VALUES
  (1, 'Check-up'), (2, 'Vaccination'), (3, 'Dental cleaning'), (4, 'X-ray');
INSERT INTO visit (id, visit_date, description, pet_id, vet_id) VALUES
  (1, '2025-01-06', 'rabies shot', 7, 1), (2, '2025-01-08', 'neutered', 8, 3), (3, '2025-01-10', 'limping', 1, 3),
  (4, '2025-01-13', 'annual check', 2, 2), (5, '2025-01-20', 'booster', 7, 4), (6, '2025-02-03', 'tartar', 3, 1),
  (7, '2025-02-05', 'cough', 5, 2), (8, '2025-02-11', 'follow-up', 1, 3), (9, '2025-02-17', 'annual check', 9, 1),
  (10, '2025-03-02', 'swallowed a sock', 11, 4), (11, '2025-03-09', 'annual check', 12, 5),
  (12, '2025-03-16', 'rabies shot', 13, 6), (13, '2025-03-23', 'limping', 4, 2), (14, '2025-03-30', 'tartar', 6, 1);
INSERT INTO visit_treatment (visit_id, treatment_id) VALUES
  (1, 2), (2, 1), (3, 1), (3, 4), (4, 1), (4, 2), (5, 2), (6, 3), (7, 1), (7, 4), (8, 1), (9, 1), (9, 2),
  (10, 4), (10, 1), (11, 1), (12, 2), (13, 4), (14, 3);
