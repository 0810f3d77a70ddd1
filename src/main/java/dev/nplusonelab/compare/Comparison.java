package dev.nplusonelab.compare;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

import dev.nplusonelab.system.PageProbe;
import dev.nplusonelab.system.RecordsDigest;

/**
 * One page loaded in both modes, and whether they showed the same records.
 *
 * @param path the page, without mode or latency
 * @param naive what the naive page answered
 * @param optimized what the optimized page answered
 * @param identical whether the records (the {@code #records} text and the digest, or the
 * JSON body) are the same
 * @param differences the first records that differ, when they are not identical
 */
record Comparison(String path, Side naive, Side optimized, boolean identical, List<Difference> differences) {

	/** How many differing records are listed at most. */
	static final int SHOWN_DIFFERENCES = 10;

	static Comparison of(String path, PageProbe.Page naive, PageProbe.Page optimized) {
		Side naiveSide = Side.of(naive);
		Side optimizedSide = Side.of(optimized);
		List<String> naiveRecords = naiveSide.records();
		List<String> optimizedRecords = optimizedSide.records();
		boolean identical = naiveSide.digest().equals(optimizedSide.digest()) && naiveRecords.equals(optimizedRecords);
		return new Comparison(path, naiveSide, optimizedSide, identical,
				identical ? List.of() : differences(naiveRecords, optimizedRecords));
	}

	static List<Difference> differences(List<String> naive, List<String> optimized) {
		List<Difference> differences = new ArrayList<>();
		for (int i = 0; i < Math.max(naive.size(), optimized.size()) && differences.size() < SHOWN_DIFFERENCES; i++) {
			String left = (i < naive.size()) ? naive.get(i) : null;
			String right = (i < optimized.size()) ? optimized.get(i) : null;
			if (left == null || !left.equals(right)) {
				differences.add(new Difference(i + 1, left, right));
			}
		}
		return differences;
	}

	/**
	 * One mode's answer.
	 *
	 * @param statements the statements it ran
	 * @param count how many records it rendered, for an HTML page
	 * @param digest the digest of its records (of the body, for JSON)
	 * @param json whether it answered JSON
	 * @param records its records as text, one per row, to find a difference
	 */
	record Side(@Nullable Integer statements, @Nullable Integer count, String digest, boolean json,
			List<String> records) {

		static Side of(PageProbe.Page page) {
			if (page.isJson()) {
				return new Side(page.statements(), null, RecordsDigest.of(page.body()), true,
						page.body().lines().toList());
			}
			return new Side(page.statements(), page.records(), (page.digest() != null) ? page.digest() : "(none)",
					false, rows(page.body()));
		}

		/** The text of each row of {@code #records}: its table rows or list items. */
		static List<String> rows(String html) {
			Element records = Jsoup.parse(html).getElementById("records");
			if (records == null) {
				return List.of();
			}
			Elements rows = records.select("tr, li");
			return (rows.isEmpty() ? records.children() : rows).eachText();
		}

	}

	/**
	 * A record that is not the same in both modes.
	 *
	 * @param position its place among the records, from 1
	 * @param naive its text in naive mode, null when naive has no such record
	 * @param optimized its text in optimized mode, null when optimized has none
	 */
	record Difference(int position, @Nullable String naive, @Nullable String optimized) {
	}

}
