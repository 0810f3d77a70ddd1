package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * The title-and-summary list with the summary in the projection: one statement, and the
 * template finds every value already loaded.
 */
@Component
@Transactional(readOnly = true)
class OptimizedBlurbReader implements MistakeReader<Blurb> {

	private final JdbcClient jdbc;

	OptimizedBlurbReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<Blurb> list(Paging paging) {
		Slice<Blurb> page = MistakeQueries.blurbs().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

}
