package dev.nplusonelab.guide;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Every lesson of the lab, as the features declared them. */
@Component
public class Guide {

	private final List<Technique> all;

	private final Map<String, Technique> byRoute;

	private final SourceSnippets snippets;

	private final List<GuideEntry> entries;

	public Guide(List<Technique> techniques, List<GuideEntry> entries, SourceSnippets snippets) {
		this.snippets = snippets;
		this.entries = entries.stream()
			.sorted(Comparator.comparing(GuideEntry::section).thenComparingInt(GuideEntry::order))
			.toList();
		this.all = techniques.stream()
			.sorted(Comparator.comparing(Technique::kind).thenComparingInt(Technique::order))
			.toList();
		this.byRoute = techniques.stream().collect(Collectors.toMap(Technique::route, Function.identity()));
	}

	public List<Technique> techniques() {
		return this.all.stream().filter((technique) -> !technique.isMistake()).toList();
	}

	public List<Technique> mistakes() {
		return this.all.stream().filter(Technique::isMistake).toList();
	}

	public List<Technique> all() {
		return this.all;
	}

	/** Every entry of the guide page, in its order. */
	public List<GuideEntry> entries() {
		return this.entries;
	}

	/** The entries of one section of the guide page. */
	public List<GuideEntry> entries(GuideEntry.Section section) {
		return this.entries.stream().filter((entry) -> entry.section() == section).toList();
	}

	/** The technique or mistake with this key. */
	public Technique technique(String key) {
		return this.all.stream()
			.filter((technique) -> technique.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No lesson " + key));
	}

	/** The lesson of the page served by a route template, if it has one. */
	public Optional<Lesson> lessonFor(String route) {
		return Optional.ofNullable(this.byRoute.get(route)).map(this::lesson);
	}

	/** A technique with its code regions read from the source. */
	public Lesson lesson(Technique technique) {
		return new Lesson(technique, technique.naiveCode().stream().map(this.snippets::get).toList(),
				technique.optimizedCode().stream().map(this.snippets::get).toList());
	}

	/**
	 * What a page shows around its data.
	 *
	 * @param technique the words
	 * @param naiveCode the naive implementation, from the source
	 * @param optimizedCode the optimized implementation, from the source
	 */
	public record Lesson(Technique technique, List<SourceSnippets.Snippet> naiveCode,
			List<SourceSnippets.Snippet> optimizedCode) {
	}

}
