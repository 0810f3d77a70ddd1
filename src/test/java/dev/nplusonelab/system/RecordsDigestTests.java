package dev.nplusonelab.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest is a fingerprint of the records themselves. The other tests only compare one
 * mode's digest with the other's, or the header with the page, which a digest of a
 * constant passes too; these pin it to the records' content.
 */
@LabTest
class RecordsDigestTests {

	private static final Shelf TWO_BOOKS = new Shelf(List.of(new Line(1, "Dune", 4.5), new Line(2, "Emma", null)));

	@Autowired
	private MockMvcTester mvc;

	/**
	 * The canonical text is the one the class documents (the view model's
	 * {@code toString()}), and the expected value was computed outside the application:
	 * {@code printf '%s' '<text>' | sha256sum | cut -c1-12}. Catches the digest of a
	 * constant, of something other than the records (their count), a different hash or a
	 * different length.
	 */
	@Test
	void aKnownSetOfRecordsHasTheFirstTwelveHexDigitsOfTheSha256OfItsCanonicalText() throws Exception {
		String canonical = "Shelf[lines=[Line[id=1, title=Dune, rating=4.5], Line[id=2, title=Emma, rating=null]]]";
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		RecordsDigest digest = new RecordsDigest(TWO_BOOKS);

		assertThat(TWO_BOOKS).hasToString(canonical);
		assertThat(sha256).startsWith("b26e5e750a0f");
		assertThat(digest.hex()).isEqualTo("b26e5e750a0f");
		assertThat(RecordsDigest.of(canonical)).isEqualTo("b26e5e750a0f");
		assertThat(digest.count()).isEqualTo(2);
	}

	/**
	 * Each variant differs from the known set in one thing only. Catches the digest of a
	 * constant, and one that leaves out a field, a row or the order of the rows.
	 */
	@Test
	void recordsThatDifferInAnyFieldOrRowHaveDifferentDigests() {
		List<Shelf> shelves = List.of(TWO_BOOKS,
				new Shelf(List.of(new Line(3, "Dune", 4.5), new Line(2, "Emma", null))),
				new Shelf(List.of(new Line(1, "Dune Messiah", 4.5), new Line(2, "Emma", null))),
				new Shelf(List.of(new Line(1, "Dune", 4.0), new Line(2, "Emma", null))),
				new Shelf(List.of(new Line(1, "Dune", 4.5), new Line(2, "Emma", 3.0))),
				new Shelf(List.of(new Line(2, "Emma", null), new Line(1, "Dune", 4.5))),
				new Shelf(List.of(new Line(1, "Dune", 4.5))), new Shelf(List.of()));

		List<String> digests = shelves.stream().map((shelf) -> new RecordsDigest(shelf).hex()).toList();

		assertThat(digests).doesNotHaveDuplicates().allSatisfy((digest) -> assertThat(digest).matches("[0-9a-f]{12}"));
	}

	/**
	 * The header a page sends is the digest of the view model it rendered, and two pages
	 * with different records send different ones. Catches a header that hashes anything
	 * but the page's records.
	 */
	@Test
	void aPageSendsTheDigestOfItsOwnViewModel() {
		Pages pages = new Pages(this.mvc);
		Pages.Visit first = pages.visit("/books/1");
		Pages.Visit second = pages.visit("/books/2");

		assertThat(first.digest()).isEqualTo(RecordsDigest.of(viewModel(first).toString()));
		assertThat(second.digest()).isEqualTo(RecordsDigest.of(viewModel(second).toString()))
			.isNotEqualTo(first.digest());
	}

	private static PageRecords viewModel(Pages.Visit visit) {
		return visit.result()
			.getMvcResult()
			.getModelAndView()
			.getModel()
			.values()
			.stream()
			.filter(PageRecords.class::isInstance)
			.map(PageRecords.class::cast)
			.findFirst()
			.orElseThrow();
	}

	record Shelf(List<Line> lines) implements PageRecords {

		@Override
		public int recordCount() {
			return this.lines.size();
		}

	}

	record Line(long id, String title, @Nullable Double rating) {
	}

}
