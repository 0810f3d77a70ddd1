package dev.nplusonelab.api;

import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * The API from its fetch plans: every value is loaded before the controller returns, so
 * writing the JSON runs no statement. Two statements per response.
 */
@Component
@Transactional(readOnly = true)
class OptimizedApiReader implements ApiReader {

	private final JdbcClient jdbc;

	OptimizedApiReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::books[]
	@Override
	public ListPage<BookJson> books(Paging paging) {
		Slice<BookJson> page = ApiQueries.forBookPage().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}

	@Override
	public Optional<BookJson> book(long id) {
		return ApiQueries.forOneBook().one(this.jdbc, Map.of("id", id));
	}
	// end::books[]

	// tag::authors[]
	@Override
	public ListPage<AuthorJson> authors(Paging paging) {
		Slice<AuthorJson> page = ApiQueries.forAuthorPage().slice(this.jdbc, paging.pageable());
		return ListPage.of(page, paging);
	}
	// end::authors[]

}
