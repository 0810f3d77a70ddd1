INSERT INTO author (id, name, bio, born_on, publisher_id)
SELECT i,
       (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Niklaus', 'Radia',
              'Ken', 'Margaret', 'Dennis', 'Joan', 'Tony', 'Hedy', 'John', 'Katherine', 'Linus',
              'Sophie', 'Tim'])[1 + i % 20]
           || ' ' || (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen',
                            'Wirth', 'Perlman', 'Thompson', 'Hamilton', 'Ritchie', 'Clarke', 'Hoare',
                            'Lamarr', 'Backus', 'Johnson', 'Torvalds', 'Wilson', 'Berners'])[1 + (i * 7 + i / 20) % 20]
           || CASE WHEN i > 400 THEN ' ' || to_char(i, 'FM99999999') ELSE '' END,
       'Writes about ' || (ARRAY['the sea', 'machines', 'old cities', 'small towns', 'families',
                                 'the future', 'lost letters', 'mountains'])[lab_pick(i * 16 + 1, 8)]
           || ' and has done so since ' || (1960 + lab_pick(i * 16 + 2, 60)) || '.',
       DATE '1940-01-01' + (lab_rand(i * 16 + 3) * 20000)::int,
       lab_pick(i * 16 + 4, :publishers)
FROM generate_series(1, :authors) AS i
