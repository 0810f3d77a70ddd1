package dev.nplusonelab.lab;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.nplusonelab.system.BadRequestException;
import dev.nplusonelab.system.StrictNumbers;
import dev.nplusonelab.system.SwitchedOffException;

/**
 * {@code /lab}: pick a workload, sizes and a latency, and see every in-app strategy's
 * statements and time as N grows. Without {@code run} it only shows the form, and where
 * runs are switched off it refuses {@code run}.
 */
@Controller
class LabController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LabRunner runner;

	private final boolean runs;

	/**
	 * @param runs whether the page may run the matrix; off ({@code lab.bench.runs=false},
	 * the {@code prod} profile), a visitor cannot make the application work for seconds
	 * on demand, and the page only shows the form
	 */
	LabController(LabRunner runner, @Value("${lab.bench.runs:true}") boolean runs) {
		this.runner = runner;
		this.runs = runs;
	}

	@GetMapping("/lab")
	String lab(@RequestParam(defaultValue = "books") String workload,
			@RequestParam(defaultValue = "10,50,200") String sizes, @RequestParam(defaultValue = "0") String latency,
			@RequestParam(required = false) @Nullable String run, Model model) {
		if (run != null && !this.runs) {
			throw new SwitchedOffException(
					"Lab runs are switched off in this deployment: the page shows the form, but runs nothing.");
		}
		if (run != null && !this.runner.counts()) {
			throw new SwitchedOffException("Lab runs count statements with the SQL diagnostics, which are switched "
					+ "off in this deployment (nplusone.enabled=false).");
		}
		Workload chosen = workload(workload);
		List<Integer> parsedSizes = LabRunner.sizes(sizes);
		int parsedLatency = latency(latency);
		model.addAttribute("workloads", Workload.values());
		model.addAttribute("workload", chosen);
		model.addAttribute("sizes", String.join(",", parsedSizes.stream().map(String::valueOf).toList()));
		model.addAttribute("latency", parsedLatency);
		model.addAttribute("maxN", LabRunner.MAX_N);
		model.addAttribute("maxLatency", LabRunner.MAX_LATENCY_MS);
		model.addAttribute("budgetSeconds", LabRunner.TIME_BUDGET.toSeconds());
		model.addAttribute("runs", this.runs && this.runner.counts());
		if (run != null) {
			LabResult result = this.runner.run(chosen, parsedSizes, parsedLatency);
			model.addAttribute("result", result);
			model.addAttribute("chartJson", JSON.writeValueAsString(result.chartData()));
		}
		return "lab/index";
	}

	private static Workload workload(String value) {
		for (Workload workload : Workload.values()) {
			if (workload.key().equals(value.toLowerCase(Locale.ROOT))) {
				return workload;
			}
		}
		throw new BadRequestException("workload must be books or authors.");
	}

	private static int latency(String value) {
		try {
			int latency = StrictNumbers.isWholeNumber(value) ? Integer.parseInt(value) : -1;
			if (latency >= 0 && latency <= LabRunner.MAX_LATENCY_MS) {
				return latency;
			}
		}
		catch (NumberFormatException ex) {
			// answered below, like a value out of range
		}
		throw new BadRequestException(
				"latency must be a whole number of milliseconds from 0 to " + LabRunner.MAX_LATENCY_MS + ".");
	}

}
