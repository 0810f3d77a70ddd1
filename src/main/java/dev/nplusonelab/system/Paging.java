package dev.nplusonelab.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page of a list: {@code ?page=} counts from 0, {@code ?size=} is the number of rows.
 *
 * @param page the page number, from 0
 * @param size rows per page, from 1 to {@value #MAX_SIZE}
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	/** Deep enough for a million rows at the smallest page size that is still useful. */
	public static final int MAX_PAGE = 1_000_000;

	public Paging {
		if (page < 0 || page > MAX_PAGE) {
			throw new BadRequestException("page must be from 0 to " + MAX_PAGE + ", not " + page + ".");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new BadRequestException("size must be from 1 to " + MAX_SIZE + ", not " + size + ".");
		}
	}

	public static Paging first(int size) {
		return new Paging(0, size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	/** This page for a fetch plan, whose select has its own order. */
	public Pageable pageable() {
		return PageRequest.of(this.page, this.size);
	}

	/** This page for a repository query, in the order {@code sort}. */
	public Pageable pageable(Sort sort) {
		return PageRequest.of(this.page, this.size, sort);
	}

}
