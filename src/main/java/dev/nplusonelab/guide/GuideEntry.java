package dev.nplusonelab.guide;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.query.Relation;

/**
 * One technique of the Django guide this lab grew from, mapped to where the lab shows it:
 * the problem, the same fix in Django, in our query layer (read from our own source) and
 * in JPA, and the page that runs it in both modes. Features declare their entries as
 * beans, next to their lessons.
 *
 * @param key a stable name, also the entry's anchor on the guide page
 * @param section which part of the guide it belongs to
 * @param order where it appears in its section
 * @param title a short title
 * @param problem the problem in one sentence
 * @param django the fix in Django's ORM
 * @param ourCode tagged regions of our own source that do it
 * @param jpa the fix with JPA/Hibernate
 * @param page the key of the {@link Technique} whose page shows it
 * @param saving the statements of that page the technique is about, counted on the page
 */
public record GuideEntry(String key, Section section, int order, String title, String problem, String django,
		List<SourceRef> ourCode, String jpa, String page, Saving saving) {

	public static Builder entry(String key, Section section) {
		return new Builder(key, section);
	}

	/** The parts of the guide, in its order. */
	public enum Section {

		SELECT_RELATED("select_related: a join for each to-one relation",
				"A row needs a value from a row it points to: join it into the same statement."),

		PREFETCH_RELATED("prefetch_related: one statement per to-many relation",
				"A row has many children: load the children of every row at once with = ANY(?) and attach them."),

		PREFETCH("Prefetch: control what a prefetch loads and where it goes",
				"Filter, order, limit or join inside the prefetch, and keep several of one relation apart."),

		COLUMNS("only() and defer(): load the columns the page shows",
				"A wide column the page never shows costs bytes on every row."),

		ANNOTATE("annotate: let the database compute a number per row",
				"A count or an average per row is one aggregate, not a collection loaded to be measured."),

		SUBQUERY("Subquery and OuterRef: one value from a related row",
				"The latest child's title, per parent, as a column of the parent's row."),

		MANAGER("The manager pattern: named fetch plans",
				"Name each view's loading once, so every caller gets the same statements.");

		private final String title;

		private final String summary;

		Section(String title, String summary) {
			this.title = title;
			this.summary = summary;
		}

		public String title() {
			return this.title;
		}

		public String summary() {
			return this.summary;
		}

		public String anchor() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	public static final class Builder extends Technique.Words<Builder> {

		private final Section section;

		private final List<SourceRef> ourCode = new ArrayList<>();

		private @Nullable String page;

		private @Nullable Saving saving;

		private Builder(String key, Section section) {
			super("Guide entry", key);
			this.section = section;
		}

		public Builder ourCode(Class<?> type, String... tags) {
			add(this.ourCode, type, tags);
			return this;
		}

		/** The key of the lesson whose page shows the technique. */
		public Builder shownOn(String techniqueKey) {
			this.page = techniqueKey;
			return this;
		}

		/**
		 * The statements of its page the technique is about: those that load
		 * {@code relations} (for one row at a time in the naive page, say). Counted on
		 * the page, never written down.
		 * @param what those statements in words ({@code customer lookups})
		 * @param instead what the optimized page does instead ({@code joined})
		 */
		public Builder saves(String what, String instead, Relation... relations) {
			this.saving = new Saving(what, instead, List.of(relations));
			return this;
		}

		public GuideEntry build() {
			String title = required(this.title, "title");
			String problem = required(this.problem, "problem");
			String django = required(this.django, "django");
			String jpa = required(this.jpa, "jpa");
			String page = required(this.page, "shownOn");
			Saving saving = required(this.saving, "saves");
			if (this.ourCode.isEmpty()) {
				throw missing("ourCode");
			}
			return new GuideEntry(this.key, this.section, this.order, title, problem, django, List.copyOf(this.ourCode),
					jpa, page, saving);
		}

	}

}
