package dev.nplusonelab.mistake;

import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;

/**
 * A page of the gallery: a wrong and a right reader that fill the same rows, and the
 * template {@code mistakes/<key>} that shows them. Adding a mistake is its readers, a
 * {@code Mistake} bean in {@link MistakeGallery}, a template, a lesson in
 * {@link MistakeLessons}, and the handler in {@link MistakeController} that declares its
 * URL and statement budget.
 *
 * @param key the page's name, in its URL and its template, as in its lesson
 * @param rows what the list shows, for messages ("books")
 * @param readers the wrong version (naive mode) and the right one (optimized mode)
 * @param shownBytes for a page that sets what it fetched against what it shows, the size
 * of one row as shown; null for the others
 * @param <R> the record of one row
 */
record Mistake<R>(String key, String rows, ByMode<MistakeReader<R>> readers, @Nullable ToLongFunction<R> shownBytes) {

	static <R> Mistake<R> of(String key, String rows, MistakeReader<R> wrong, MistakeReader<R> right) {
		return new Mistake<>(key, rows, new ByMode<>(wrong, right), null);
	}

	/** The same page with the box that measures what it shows against what it fetched. */
	Mistake<R> measuring(ToLongFunction<R> shownBytes) {
		return new Mistake<>(this.key, this.rows, this.readers, shownBytes);
	}

	/**
	 * Reads the page a visitor asked for, in the mode they chose, into the model.
	 * @return the name of the template that shows it
	 */
	String show(Mode mode, Paging paging, Model model) {
		ListPage<R> page = this.readers.get(mode).list(paging).orElsePastTheEnd(this.rows);
		model.addAttribute("list", page);
		if (this.shownBytes != null) {
			model.addAttribute("shown", Footprint.of(page.rows(), this.shownBytes));
		}
		return "mistakes/" + this.key;
	}

}
