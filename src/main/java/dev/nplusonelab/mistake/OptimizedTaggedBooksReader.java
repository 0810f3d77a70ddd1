package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * Books with their tags, every tag of the page in one prefetch whose array holds all the
 * page's ids: two statements for any page size.
 */
@Component
@Transactional(readOnly = true)
class OptimizedTaggedBooksReader implements MistakeReader<TaggedBook> {

	private final JdbcClient jdbc;

	OptimizedTaggedBooksReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<TaggedBook> list(Paging paging) {
		Slice<TaggedBook> page = MistakeQueries.taggedBooks().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

}
