package dev.nplusonelab.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 * @param naiveCost the statements the naive side runs, as a formula in N
 * @param optimizedCost the statements the optimized side runs, a constant
 * @param naiveCode tagged regions of the naive implementation
 * @param optimizedCode tagged regions of the optimized implementation
 * @param django the same fix with Django's ORM
 * @param jpa the same fix with JPA/Hibernate, if there is one
 */
public record Technique(String key, Kind kind, int order, String route, String href, String title, String problem,
		String naiveCost, String optimizedCost, List<SourceRef> naiveCode, List<SourceRef> optimizedCode, String django,
		@Nullable String jpa) {

	public static Builder technique(String key) {
		return new Builder(key, Kind.TECHNIQUE);
	}

	public static Builder mistake(String key) {
		return new Builder(key, Kind.MISTAKE);
	}

	public boolean isMistake() {
		return this.kind == Kind.MISTAKE;
	}

	public enum Kind {

		TECHNIQUE, MISTAKE

	}

	public static final class Builder {

		private final String key;

		private final Kind kind;

		private int order;

		private @Nullable String route;

		private @Nullable String href;

		private @Nullable String title;

		private @Nullable String problem;

		private @Nullable String naiveCost;

		private @Nullable String optimizedCost;

		private final List<SourceRef> naiveCode = new ArrayList<>();

		private final List<SourceRef> optimizedCode = new ArrayList<>();

		private @Nullable String django;

		private @Nullable String jpa;

		private Builder(String key, Kind kind) {
			this.key = key;
			this.kind = kind;
		}

		public Builder order(int order) {
			this.order = order;
			return this;
		}

		/** The page's route template, and a link to an example of it. */
		public Builder page(String route, String href) {
			this.route = route;
			this.href = href;
			return this;
		}

		public Builder title(String title) {
			this.title = title;
			return this;
		}

		public Builder problem(String problem) {
			this.problem = problem;
			return this;
		}

		public Builder cost(String naive, String optimized) {
			this.naiveCost = naive;
			this.optimizedCost = optimized;
			return this;
		}

		public Builder naiveCode(Class<?> type, String... tags) {
			for (String tag : tags) {
				this.naiveCode.add(new SourceRef(type, tag));
			}
			return this;
		}

		public Builder optimizedCode(Class<?> type, String... tags) {
			for (String tag : tags) {
				this.optimizedCode.add(new SourceRef(type, tag));
			}
			return this;
		}

		public Builder django(String django) {
			this.django = django;
			return this;
		}

		public Builder jpa(String jpa) {
			this.jpa = jpa;
			return this;
		}

		public Technique build() {
			return new Technique(this.key, this.kind, this.order, required(this.route, "page"),
					required(this.href, "page"), required(this.title, "title"), required(this.problem, "problem"),
					required(this.naiveCost, "cost"), required(this.optimizedCost, "cost"), List.copyOf(this.naiveCode),
					List.copyOf(this.optimizedCode), required(this.django, "django"), this.jpa);
		}

		private <T> T required(@Nullable T value, String what) {
			return Objects.requireNonNull(value, () -> "Technique " + this.key + " needs " + what + "(...)");
		}

	}

}
