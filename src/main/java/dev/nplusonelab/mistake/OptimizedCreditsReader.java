package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * Books with their author, category and review count in one statement: two joins and a
 * count the database computes, for any page size.
 */
@Component
@Transactional(readOnly = true)
class OptimizedCreditsReader implements MistakeReader<BookCredits> {

	private final JdbcClient jdbc;

	OptimizedCreditsReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<BookCredits> list(Paging paging) {
		Slice<BookCredits> page = MistakeQueries.bookCredits().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

}
