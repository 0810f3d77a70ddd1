INSERT INTO tag (id, name)
SELECT i, name
FROM unnest(ARRAY['classic', 'award-winner', 'debut', 'bestseller', 'series', 'translated', 'illustrated',
                  'short', 'long-read', 'funny', 'dark', 'hopeful', 'true-story', 'slow-burn', 'twist',
                  'coming-of-age', 'epic', 'cozy', 'gritty', 'lyrical', 'academic', 'practical', 'visual',
                  'quiet', 'political', 'family', 'friendship', 'war', 'sea', 'city', 'space', 'island',
                  'winter', 'summer', 'road-trip', 'heist', 'court', 'hospital', 'school', 'kitchen',
                  'garden', 'music', 'art', 'letters', 'diary', 'myth', 'ghost', 'robot', 'dragon',
                  'detective', 'spy', 'pirate', 'village', 'empire', 'exile', 'revolution', 'inventor',
                  'journey', 'memory', 'time']) WITH ORDINALITY AS t (name, i)
