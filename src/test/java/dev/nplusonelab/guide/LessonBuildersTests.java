package dev.nplusonelab.guide;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.store.Bookstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A technique and a guide entry are told with the same words, built by one shared
 * builder: each refuses to be built without them, and says what is missing.
 */
class LessonBuildersTests {

	@Test
	void aGuideEntryNeedsEveryPartOfItsWords() {
		assertThatIllegalStateException().isThrownBy(() -> entry().jpa(" ").build())
			.withMessage("Guide entry single needs jpa(...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> GuideEntry.entry("single", GuideEntry.Section.SELECT_RELATED).build())
			.withMessage("Guide entry single needs title(...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> GuideEntry.entry("single", GuideEntry.Section.SELECT_RELATED)
				.title("t")
				.problem("p")
				.django("d")
				.jpa("j")
				.shownOn("order-list")
				.saves("customer lookups", "joined", Bookstore.ORDER_CUSTOMER)
				.build())
			.withMessage("Guide entry single needs ourCode(...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> GuideEntry.entry("single", GuideEntry.Section.SELECT_RELATED)
				.title("t")
				.problem("p")
				.django("d")
				.jpa("j")
				.ourCode(Guide.class, "a")
				.shownOn("order-list")
				.build())
			.withMessage("Guide entry single needs saves(...)");
	}

	@Test
	void aGuideEntryKeepsWhatItWasGiven() {
		GuideEntry entry = entry().order(7).build();

		assertThat(entry.order()).isEqualTo(7);
		assertThat(entry.title()).isEqualTo("Single");
		assertThat(entry.problem()).isEqualTo("A lookup per row.");
		assertThat(entry.django()).isEqualTo("select_related");
		assertThat(entry.jpa()).isEqualTo("join fetch");
		assertThat(entry.page()).isEqualTo("order-list");
		assertThat(entry.ourCode()).containsExactly(new SourceRef(Guide.class, "a"), new SourceRef(Guide.class, "b"));
		assertThat(entry.saving())
			.isEqualTo(new Saving("customer lookups", "joined", java.util.List.of(Bookstore.ORDER_CUSTOMER)));
	}

	@Test
	void aTechniqueNeedsItsWordsToo() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Technique.technique("list").page("/x", "/x").cost(Formula.constant(1), 1).build())
			.withMessage("Technique list needs title(...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> Technique.technique("list")
				.page("/x", "/x")
				.title("t")
				.problem("p")
				.django("d")
				.cost(Formula.of(1).plus("N", "rows"), 1)
				.build())
			.withMessage("Technique list needs letters(...)");
		Technique technique = Technique.technique("list")
			.order(3)
			.page("/x", "/x")
			.title("t")
			.problem("p")
			.django("d")
			.cost(Formula.constant(1), 1)
			.build();
		assertThat(technique.order()).isEqualTo(3);
		assertThat(technique.jpa()).isNull();
	}

	private static GuideEntry.Builder entry() {
		return GuideEntry.entry("single", GuideEntry.Section.SELECT_RELATED)
			.title("Single")
			.problem("A lookup per row.")
			.django("select_related")
			.jpa("join fetch")
			.ourCode(Guide.class, "a", "b")
			.shownOn("order-list")
			.saves("customer lookups", "joined", Bookstore.ORDER_CUSTOMER);
	}

}
