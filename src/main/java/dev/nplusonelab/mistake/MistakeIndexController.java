package dev.nplusonelab.mistake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.guide.Guide;

/**
 * The gallery's front page: every mistake any feature declared, from the guide, so a new
 * one appears here without touching this class.
 */
@Controller
class MistakeIndexController {

	private final Guide guide;

	MistakeIndexController(Guide guide) {
		this.guide = guide;
	}

	@GetMapping("/mistakes")
	String index(Model model) {
		model.addAttribute("mistakes", this.guide.mistakes());
		return "mistakes/index";
	}

}
