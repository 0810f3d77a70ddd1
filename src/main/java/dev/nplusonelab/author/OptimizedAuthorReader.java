package dev.nplusonelab.author;

import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * The author pages from their fetch plans: two statements each, whatever the number of
 * rows.
 */
@Component
@Transactional(readOnly = true)
class OptimizedAuthorReader implements AuthorReader {

	private final JdbcClient jdbc;

	OptimizedAuthorReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorRow> list(Paging paging) {
		Slice<AuthorRow> page = AuthorQueries.forListView().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::list[]

	// tag::detail[]
	@Override
	public Optional<AuthorDetail> detail(long id) {
		return AuthorQueries.forDetailView().one(this.jdbc, Map.of("id", id));
	}
	// end::detail[]

}
