package dev.nplusonelab.system;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Slice;

/**
 * A page of a list, the same record in both modes: every list page, the API's lists and
 * the mistakes gallery fill one.
 *
 * @param rows the records the page shows
 * @param paging the page asked for; a keyset page is the first page of its size
 * @param hasNext whether another page follows; found by asking for one row more, not by
 * counting every row
 * @param after for a keyset page ({@code ?after=}), the id the page starts after; null
 * for a numbered page
 * @param <T> the record of one row
 */
public record ListPage<T>(List<T> rows, Paging paging, boolean hasNext, @Nullable Long after) implements PageRecords {

	public ListPage {
		rows = List.copyOf(rows);
	}

	@Override
	public int recordCount() {
		return this.rows.size();
	}

	/** A numbered page, from the slice that {@link Paging#pageable()} asked for. */
	public static <T> ListPage<T> of(Slice<T> slice, Paging paging) {
		return new ListPage<>(slice.getContent(), paging, slice.hasNext(), null);
	}

	/** A keyset page: the slice of rows after the id {@code after}. */
	public static <T> ListPage<T> after(long after, Slice<T> slice) {
		return new ListPage<>(slice.getContent(), Paging.first(slice.getSize()), slice.hasNext(), after);
	}

	/**
	 * This page, unless it is empty and not the first: then the page number is past the
	 * last page, and the request gets a 400 that says so.
	 * @param what what the list shows, for the message ("books")
	 */
	public ListPage<T> orElsePastTheEnd(String what) {
		if (this.rows.isEmpty() && this.paging.page() > 0) {
			throw new BadRequestException("page " + this.paging.page() + " is past the last page of " + what + ".");
		}
		return this;
	}

	/**
	 * The id the next keyset page starts after: the last one on this page, or where this
	 * page started when it is empty. Only a list of {@link Keyset.Keyed} rows pages by
	 * key.
	 */
	public long nextAfter() {
		if (this.rows.isEmpty()) {
			return (this.after != null) ? this.after : 0;
		}
		if (!(this.rows.get(this.rows.size() - 1) instanceof Keyset.Keyed last)) {
			throw new IllegalStateException("The rows of this list have no id to page after");
		}
		return last.id();
	}

}
