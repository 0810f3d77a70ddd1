package dev.nplusonelab.mistake;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.mistake.TallyPage.AuthorTally;
import dev.nplusonelab.system.Paging;

/** Authors with counts computed in SQL: one statement for any page size. */
@Component
@Transactional(readOnly = true)
class OptimizedTallyReader implements TallyReader {

	private final JdbcClient jdbc;

	OptimizedTallyReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public TallyPage list(Paging paging) {
		Slice<AuthorTally> page = MistakeQueries.authorTallies().slice(this.jdbc, paging.pageable());
		return new TallyPage(page.getContent(), paging, page.hasNext());
	}
	// end::list[]

}
