-- An empty store is seeded, a store that holds books is not.
SELECT count(*)
FROM book
