package dev.nplusonelab.guide;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /guide}: every technique of the guide this lab grew from, mapped to the page
 * that shows it, with the same fix in Django, our query layer and JPA, and the counts the
 * page measured in both modes.
 */
@Controller
class GuideController {

	private final Guide guide;

	private final SourceSnippets snippets;

	private final Measurements measurements;

	GuideController(Guide guide, SourceSnippets snippets, Measurements measurements) {
		this.guide = guide;
		this.snippets = snippets;
		this.measurements = measurements;
	}

	@GetMapping("/guide")
	String guide(Model model) {
		List<Part> parts = Arrays.stream(GuideEntry.Section.values())
			.map((section) -> new Part(section, this.guide.entries(section).stream().map(this::shown).toList()))
			.toList();
		model.addAttribute("parts", parts);
		model.addAttribute("mistakes",
				this.guide.mistakes()
					.stream()
					.map((mistake) -> new ShownMistake(mistake, this.measurements.of(mistake)))
					.toList());
		return "guide";
	}

	private ShownEntry shown(GuideEntry entry) {
		Technique page = this.guide.technique(entry.page());
		Measurements.Measured measured = this.measurements.of(page);
		return new ShownEntry(entry, page, entry.ourCode().stream().map(this.snippets::get).toList(), measured,
				measured.share(entry.saving()));
	}

	/**
	 * A section of the guide with its entries.
	 */
	record Part(GuideEntry.Section section, List<ShownEntry> entries) {
	}

	/**
	 * An entry as the page shows it.
	 *
	 * @param entry the words and the code of other stacks
	 * @param page the lesson whose page shows it
	 * @param ourCode our code, read from the source
	 * @param measured the page's counts in both modes
	 * @param share the statements of the page this technique is about, in both modes;
	 * null where the page's statements could not be read
	 */
	record ShownEntry(GuideEntry entry, Technique page, List<SourceSnippets.Snippet> ourCode,
			Measurements.Measured measured, Measurements.@Nullable Share share) {
	}

	record ShownMistake(Technique mistake, Measurements.Measured measured) {
	}

}
