package dev.nplusonelab.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;

@Controller
class HomeController {

	private final ByMode<DashboardReader> readers;

	HomeController(NaiveDashboardReader naive, OptimizedDashboardReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(6)
	@GetMapping("/")
	String home(Mode mode, Model model) {
		model.addAttribute("dashboard", this.readers.get(mode).read());
		return "home";
	}

}
