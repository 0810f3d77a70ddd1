package dev.nplusonelab.compare;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.nplusonelab.system.Mode;

/**
 * The routes that run in two modes: every GET handler that takes a {@link Mode}. Read
 * from the application's own mappings, so a new data page can be compared without being
 * listed anywhere, and nothing else can be.
 */
@Component
class DataPages {

	private final List<PathPattern> patterns;

	DataPages(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
		this.patterns = mapping.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> takesMode(entry.getValue()))
			.filter((entry) -> entry.getKey().getMethodsCondition().getMethods().isEmpty()
					|| entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
			.map((entry) -> entry.getKey().getPathPatternsCondition())
			.filter(Objects::nonNull)
			.flatMap((condition) -> condition.getPatterns().stream())
			.sorted()
			.toList();
	}

	boolean isDataPage(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(container));
	}

	List<String> routes() {
		return this.patterns.stream().map(PathPattern::getPatternString).toList();
	}

	private static boolean takesMode(HandlerMethod method) {
		for (var parameter : method.getMethodParameters()) {
			if (parameter.getParameterType() == Mode.class) {
				return true;
			}
		}
		return false;
	}

}
