INSERT INTO author (id, name) VALUES
  (1, 'Ursula K. Le Guin'), (2, 'Terry Pratchett'), (3, 'Octavia E. Butler');
INSERT INTO genre (id, name) VALUES
  (1, 'Fantasy'), (2, 'Science Fiction'), (3, 'Humour'), (4, 'Dystopia');
-- Six books, two by each author, so that a lookup of each book's author repeats every key once
INSERT INTO book (id, title, author_id, genre_id) VALUES
  (1, 'A Wizard of Earthsea', 1, 1), (2, 'Guards! Guards!', 2, 3), (3, 'Kindred', 3, 2),
  (4, 'The Dispossessed', 1, 2), (5, 'Small Gods', 2, 3), (6, 'Parable of the Sower', 3, 4);
-- Nine reviews; Small Gods has none
INSERT INTO review (id, book_id, rating) VALUES
  (1, 1, 5), (2, 1, 4), (3, 2, 5), (4, 2, 4), (5, 2, 3), (6, 3, 5), (7, 4, 4), (8, 6, 5), (9, 6, 4);
-- 2,400 sales, 400 per book: enough that reading them all for one book is a cost (MariaDB's
-- sequence engine counts them)
INSERT INTO sale (book_id, copies) SELECT 1 + seq % 6, 1 + seq % 3 FROM seq_1_to_2400;
