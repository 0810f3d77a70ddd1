package dev.nplusonelab.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.system.ListPage;

/**
 * One lesson of the lab: a page that shows a technique, or one that shows a common
 * mistake, with the words and the code around it. Each feature declares its own as beans;
 * the {@link Guide} collects them for the home page and for the page each one belongs to.
 *
 * @param key a stable name, e.g. {@code author-list}
 * @param kind technique or mistake
 * @param order where it appears among its kind
 * @param route the route template of its page, e.g. {@code /authors/{id}}
 * @param href a link to an example of the page
 * @param title a short title
 * @param problem one sentence on what goes wrong without the technique
 * @param naive the statements the naive side runs, as a formula of what the page shows
 * @param optimized the statements the optimized side runs, a constant
 * @param letters the values of the naive formula's letters, read from the page's view
 * model; null for a page whose naive count is a constant
 * @param naiveCode tagged regions of the naive implementation
 * @param optimizedCode tagged regions of the optimized implementation
 * @param django the same fix with Django's ORM
 * @param jpa the same fix with JPA/Hibernate, if there is one
 */
public record Technique(String key, Kind kind, int order, String route, String href, String title, String problem,
		Formula naive, Formula optimized, @Nullable Letters<?> letters, List<SourceRef> naiveCode,
		List<SourceRef> optimizedCode, String django, @Nullable String jpa) {

	public static Builder technique(String key) {
		return new Builder(key, Kind.TECHNIQUE);
	}

	public static Builder mistake(String key) {
		return new Builder(key, Kind.MISTAKE);
	}

	public boolean isMistake() {
		return this.kind == Kind.MISTAKE;
	}

	/** The naive formula as written: {@code 1 + 6·N + E + P}. */
	public String naiveCost() {
		return this.naive.text();
	}

	/** The optimized count as written: {@code 2}. */
	public String optimizedCost() {
		return this.optimized.text();
	}

	/**
	 * This page's costs, with its own numbers: the letters' values are read from the view
	 * model in {@code model}, the same records in both modes.
	 */
	public Optional<Costs> costs(Map<String, ?> model) {
		if (this.naive.isConstant()) {
			return Optional.of(new Costs(this, Map.of()));
		}
		if (this.letters == null) {
			return Optional.empty();
		}
		return model.values()
			.stream()
			.filter(this.letters.viewModel()::isInstance)
			.findFirst()
			.map((viewModel) -> new Costs(this, this.letters.of(viewModel)));
	}

	/**
	 * How to read a naive formula's letters from a page's view model.
	 *
	 * @param <T> the view model
	 * @param viewModel its type
	 * @param values the letters' values for one view model
	 */
	public record Letters<T>(Class<T> viewModel, Function<T, Map<String, Long>> values) {

		Map<String, Long> of(Object model) {
			return this.values.apply(this.viewModel.cast(model));
		}

	}

	public enum Kind {

		TECHNIQUE, MISTAKE

	}

	/**
	 * What every lesson is told with, whether it is a page ({@link Technique}) or an
	 * entry of the guide page ({@link GuideEntry}): its place, its title, the problem and
	 * the same fix in Django and JPA. Both builders extend this one, so the two cannot
	 * drift apart in what they require.
	 *
	 * @param <B> the builder itself, so that each setter returns it
	 */
	public abstract static sealed class Words<B extends Words<B>> permits Builder, GuideEntry.Builder {

		/** What it is, for an error message: {@code Technique}, {@code Guide entry}. */
		private final String what;

		final String key;

		int order;

		@Nullable String title;

		@Nullable String problem;

		@Nullable String django;

		@Nullable String jpa;

		Words(String what, String key) {
			this.what = what;
			this.key = key;
		}

		public B order(int order) {
			this.order = order;
			return self();
		}

		public B title(String title) {
			this.title = title;
			return self();
		}

		public B problem(String problem) {
			this.problem = problem;
			return self();
		}

		public B django(String django) {
			this.django = django;
			return self();
		}

		public B jpa(String jpa) {
			this.jpa = jpa;
			return self();
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

		final void add(List<SourceRef> code, Class<?> type, String... tags) {
			for (String tag : tags) {
				code.add(new SourceRef(type, tag));
			}
		}

		final <T> T required(@Nullable T value, String method) {
			if (value == null || value instanceof String text && text.isBlank()) {
				throw missing(method);
			}
			return value;
		}

		final IllegalStateException missing(String method) {
			return new IllegalStateException(this.what + " " + this.key + " needs " + method + "(...)");
		}

	}

	public static final class Builder extends Words<Builder> {

		private final Kind kind;

		private @Nullable String route;

		private @Nullable String href;

		private @Nullable Formula naive;

		private @Nullable Formula optimized;

		private @Nullable Letters<?> letters;

		private final List<SourceRef> naiveCode = new ArrayList<>();

		private final List<SourceRef> optimizedCode = new ArrayList<>();

		private Builder(String key, Kind kind) {
			super("Technique", key);
			this.kind = kind;
		}

		/** The page's route template, and a link to an example of it. */
		public Builder page(String route, String href) {
			this.route = route;
			this.href = href;
			return this;
		}

		/**
		 * The statements each side runs: a formula for naive, a constant for optimized.
		 */
		public Builder cost(Formula naive, long optimized) {
			this.naive = naive;
			this.optimized = Formula.constant(optimized);
			return this;
		}

		/**
		 * Where the naive formula's letters come from on a list page of {@code rowType}
		 * rows.
		 */
		public <R> Builder listLetters(Class<R> rowType, Function<ListPage<R>, Map<String, Long>> values) {
			this.letters = new Letters<>(ListPage.class, (page) -> {
				page.rows().forEach(rowType::cast);
				@SuppressWarnings("unchecked")
				ListPage<R> rows = (ListPage<R>) page;
				return values.apply(rows);
			});
			return this;
		}

		/** Where the naive formula's letters come from on the page. */
		public <T> Builder letters(Class<T> viewModel, Function<T, Map<String, Long>> values) {
			this.letters = new Letters<>(viewModel, values);
			return this;
		}

		public Builder naiveCode(Class<?> type, String... tags) {
			add(this.naiveCode, type, tags);
			return this;
		}

		public Builder optimizedCode(Class<?> type, String... tags) {
			add(this.optimizedCode, type, tags);
			return this;
		}

		public Technique build() {
			return new Technique(this.key, this.kind, this.order, required(this.route, "page"),
					required(this.href, "page"), required(this.title, "title"), required(this.problem, "problem"),
					required(this.naive, "cost"), required(this.optimized, "cost"), lettersFor(this.naive),
					List.copyOf(this.naiveCode), List.copyOf(this.optimizedCode), required(this.django, "django"),
					this.jpa);
		}

		private @Nullable Letters<?> lettersFor(Formula naive) {
			if (!naive.isConstant() && this.letters == null) {
				throw missing("letters");
			}
			return this.letters;
		}

	}

}
