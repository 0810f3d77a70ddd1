-- Gathers statistics and sets the visibility map, so that index-only scans (the page of ids that
-- paged statements choose first) skip the heap.
VACUUM
