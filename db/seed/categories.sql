INSERT INTO category (id, name)
SELECT i, name
FROM unnest(ARRAY['Fiction', 'Mystery', 'Science', 'History', 'Poetry', 'Travel', 'Cooking',
                  'Philosophy', 'Biography', 'Fantasy', 'Software', 'Economics', 'Art', 'Music',
                  'Children', 'Horror', 'Romance', 'Politics', 'Nature', 'Sports', 'Health',
                  'Religion', 'Comics', 'Drama']) WITH ORDINALITY AS c (name, i)
