package dev.nplusonelab.sqlreport;

import java.util.List;

/**
 * Every page that has a naive mode, with the parameters the lessons link to: the pages
 * whose statements and findings the detector tests read.
 */
final class NaivePages {

	static final List<String> URIS = List.of("/", "/books", "/books/1", "/authors", "/authors/2", "/orders",
			"/customers", "/customers/1", "/api/books", "/api/books/1", "/api/authors?size=20",
			"/mistakes/filter-after-prefetch?size=20", "/mistakes/serializer?size=5",
			"/mistakes/over-prefetching?size=20", "/mistakes/deferred-column?size=20",
			"/mistakes/count-by-loading?page=5&size=10", "/mistakes/batch-too-small?size=50",
			"/mistakes/lookups-per-row?size=20");

	private NaivePages() {
	}

	/**
	 * {@code uri} in {@code mode}: {@code /books?mode=naive},
	 * {@code /api/authors?size=20&mode=naive}.
	 */
	static String inMode(String uri, String mode) {
		return uri + (uri.contains("?") ? "&" : "?") + "mode=" + mode;
	}

}
