package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/** Authors with counts computed in SQL: one statement for any page size. */
@Component
@Transactional(readOnly = true)
class OptimizedTallyReader implements MistakeReader<AuthorTally> {

	private final JdbcClient jdbc;

	OptimizedTallyReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorTally> list(Paging paging) {
		Slice<AuthorTally> page = MistakeQueries.authorTallies().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

}
