package dev.nplusonelab.detection;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /detection}: how to catch an N+1 before it reaches production, each tool shown
 * on this application's own pages, run when the page is asked for.
 */
@Controller
class DetectionController {

	private final LiveExamples examples;

	DetectionController(LiveExamples examples) {
		this.examples = examples;
	}

	@GetMapping("/detection")
	String detection(Model model) {
		model.addAttribute("detection", this.examples.run());
		return "detection";
	}

}
