package dev.nplusonelab.sqlreport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.system.Mode;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class BudgetDeclarationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void everyEndpointWithAnOptimizedModeDeclaresItsBudget() {
		List<String> withMode = this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> Arrays.stream(entry.getValue().getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Mode.class))
			.map(this::describe)
			.toList();

		assertThat(withMode).hasSizeGreaterThanOrEqualTo(15)
			.allSatisfy((endpoint) -> assertThat(endpoint).as("declares @StatementBudget").doesNotEndWith("no budget"));
	}

	@Test
	void theDeclaredBudgetReachesTheRequestReport() {
		assertThat(new Pages(this.mvc).visit("/books?size=3").report().budget()).isEqualTo(2);
		assertThat(new Pages(this.mvc).visit("/customers/1").report().budget()).isEqualTo(4);
		assertThat(new Pages(this.mvc).visit("/mistakes").report().budget()).isNull();
	}

	private String describe(Map.Entry<RequestMappingInfo, HandlerMethod> entry) {
		StatementBudget budget = entry.getValue().getMethodAnnotation(StatementBudget.class);
		return entry.getKey() + " " + ((budget != null) ? "budget " + budget.value() : "no budget");
	}

}
