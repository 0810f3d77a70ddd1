package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/** The title-and-author list from a projection: one statement, three columns. */
@Component
@Transactional(readOnly = true)
class OptimizedBylineReader implements MistakeReader<Byline> {

	private final JdbcClient jdbc;

	OptimizedBylineReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<Byline> list(Paging paging) {
		Slice<Byline> page = MistakeQueries.bylines().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

}
