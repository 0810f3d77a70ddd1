package dev.nplusonelab.author;

import java.util.List;

import dev.nplusonelab.system.Paging;

record AuthorListPage(List<AuthorRow> authors, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.authors.isEmpty() && this.paging.page() > 0;
	}

}
