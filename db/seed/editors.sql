INSERT INTO editor (id, name)
SELECT i,
       (ARRAY['Mara', 'Tomas', 'Ines', 'Kofi', 'Lena', 'Arjun', 'Sofia', 'Yuki', 'Omar', 'Freya'])[lab_pick(i * 16 + 1, 10)]
           || ' ' || (ARRAY['Ribeiro', 'Novak', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Costa',
                            'Brennan', 'Haddad', 'Iyer'])[lab_pick(i * 16 + 2, 10)]
FROM generate_series(1, :editors) AS i
