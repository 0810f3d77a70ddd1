package dev.nplusonelab.mistake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.store.Bookstore;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: batches smaller than the list. The tags are loaded with
 * {@code = ANY(?)}, as a fix for the N+1 would load them, but ten books per statement: it
 * runs {@code 1 + ⌈N/10⌉} statements for N books, one more for every ten rows. The chunk
 * size was picked once, for a page of ten, and the page grew.
 */
@Component
@Transactional(readOnly = true)
class NaiveChunkedTagsReader implements MistakeReader<TaggedBook> {

	/** Books per statement. */
	static final int CHUNK = 10;

	private final JdbcClient jdbc;

	NaiveChunkedTagsReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<TaggedBook> list(Paging paging) {
		Slice<TaggedBook> page = MistakeQueries.bookTitles().slice(this.jdbc, paging.pageable());
		List<Long> ids = page.map(TaggedBook::id).getContent();
		Map<Long, List<String>> tags = new HashMap<>();
		// One = ANY(?) per ten books: a page of fifty sends five.
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
			tags.putAll(Bookstore.TAG_NAMES.load(this.jdbc, chunk, Map.of()));
		}
		return ListPage.of(page.map((book) -> book.withTags(tags.getOrDefault(book.id(), List.of()))), paging);
	}
	// end::list[]

}
