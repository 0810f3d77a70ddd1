INSERT INTO owner (id, name) VALUES
  (1, 'George Franklin'), (2, 'Betty Davis'), (3, 'Eduardo Rodriquez'), (4, 'Harold Davis'),
  (5, 'Peter McTavish');
INSERT INTO pet (id, name, owner_id) VALUES
  (1, 'Leo', 1), (2, 'Basil', 2), (3, 'Rosy', 3), (4, 'Jewel', 3), (5, 'Iggy', 4), (6, 'George', 5);
