-- Markup in real data: pages, the export and the API must show this title as text, never run it.
UPDATE book
SET title = '<script>alert("book")</script> & Other Stories'
WHERE id = 3
