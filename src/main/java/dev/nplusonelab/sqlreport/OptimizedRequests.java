package dev.nplusonelab.sqlreport;

import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;
import dev.nplusonelab.system.Mode;

/**
 * The rules (budgets, the render guard, no potential N+1, and strict mode) hold for
 * optimized requests only: naive ones break them on purpose, to be looked at.
 */
@Component
class OptimizedRequests implements SqlRuleScope {

	@Override
	public boolean appliesTo(RequestReport report) {
		return Mode.OPTIMIZED.value().equals(report.tag(ModeTags.MODE));
	}

	@Override
	public String describe() {
		return "this optimized request";
	}

}
