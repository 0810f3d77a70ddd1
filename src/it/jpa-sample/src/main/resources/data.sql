INSERT INTO owner (id, name) VALUES
  (1, 'George Franklin'), (2, 'Betty Davis'), (3, 'Eduardo Rodriquez'), (4, 'Harold Davis'),
  (5, 'Peter McTavish'), (6, 'Jean Coleman'), (7, 'Jeff Black'), (8, 'Maria Escobito'),
  (9, 'David Schroeder'), (10, 'Carlos Estaban');
INSERT INTO pet (id, name, owner_id) VALUES
  (1, 'Leo', 1), (2, 'Basil', 2), (3, 'Rosy', 3), (4, 'Jewel', 3), (5, 'Iggy', 4), (6, 'George', 5),
  (7, 'Samantha', 6), (8, 'Max', 6), (9, 'Lucky', 7), (10, 'Mulligan', 8), (11, 'Freddy', 9),
  (12, 'Lucky', 10), (13, 'Sly', 10);
