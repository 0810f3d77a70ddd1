package dev.nplusonelab.system;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code ?after=id}: a keyset page, the rows that follow the last id of the page before
 * it. OFFSET makes the database step over every row before a page, so page 20,000 of a
 * million books costs 20,000 times what page 1 does; with a key the database seeks
 * straight to the first row, and the last page costs what the first one does.
 *
 * @param after the id the page starts after; 0 for the first page
 */
public record Keyset(long after) {

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

	/**
	 * The keyset a request asks for, or null for a numbered page.
	 * @param value the {@code after} parameter, if present
	 * @param paging the request's numbered page, which must then be the first
	 * @param rows what the list shows, for the error message ("books")
	 */
	public static @Nullable Keyset parse(@Nullable String value, Paging paging, String rows) {
		if (value == null) {
			return null;
		}
		if (paging.page() > 0) {
			throw new BadRequestException(
					"Ask for a page of " + rows + " by number (page) or after an id (after), not both.");
		}
		if (!ID.matcher(value).matches()) {
			throw new BadRequestException(
					"after must be an id: a whole number from 0, not " + BadRequestException.quote(value) + ".");
		}
		return new Keyset(Long.parseLong(value));
	}

	/**
	 * A row of a list that pages by key: the key is its id, and the next page starts
	 * after the last one shown ({@link ListPage#nextAfter()}).
	 */
	public interface Keyed {

		long id();

	}

}
