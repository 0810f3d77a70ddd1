package dev.nplusonelab.sqlreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.util.ClassUtils;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab uses the diagnostics starter as any application would: its component scan
 * covers the starter's package ({@code dev.nplusonelab.diagnostics} is under
 * {@code dev.nplusonelab}), yet every bean of the starter was registered by one of the
 * auto-configurations its {@code AutoConfiguration.imports} lists, none by the scan.
 */
@LabTest
class StarterBeansTests {

	private static final String STARTER = "dev.nplusonelab.diagnostics";

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void everyBeanOfTheStarterWasRegisteredByAnImportedAutoConfiguration() {
		Set<String> imported = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith(STARTER + "."))
			.collect(Collectors.toSet());
		ConfigurableListableBeanFactory beans = this.context.getBeanFactory();
		List<String> starterBeans = new ArrayList<>();

		for (String name : beans.getBeanDefinitionNames()) {
			Class<?> type = beans.getType(name, false);
			if (type == null || !type.getName().startsWith(STARTER + ".")) {
				continue;
			}
			starterBeans.add(name);
			BeanDefinition definition = beans.getBeanDefinition(name);
			assertThat(definition).as(name).isNotInstanceOf(ScannedGenericBeanDefinition.class);
			assertThat(registeredBy(beans, definition, type, imported))
				.as("where %s (%s) comes from", name, type.getName())
				.isIn(imported);
		}

		// The core, the web filter and panel, Web MVC, the endpoint, the fixes named
		// from a Spring Data JDBC or a Hibernate mapping, and the findings on the trace
		// (the last two skipped here: the lab has no Hibernate, and no tracer outside its
		// tracing profile)
		assertThat(imported).hasSize(7);
		assertThat(starterBeans).contains("sqlCapture", "sqlDiagnostics", "sqlRequestHistory", "sqlPanelRenderer",
				"sqlRequestsEndpoint", "nplusoneDataSourcePostProcessor", "nplusoneStatementListener");
	}

	/**
	 * The auto-configuration that declared the bean: its factory, the class of a static
	 * factory method, itself, or, for the properties, the one that enabled them.
	 */
	private static @Nullable String registeredBy(ConfigurableListableBeanFactory beans, BeanDefinition definition,
			Class<?> type, Set<String> imported) {
		if (definition.getFactoryBeanName() != null) {
			return beans.getBeanDefinition(definition.getFactoryBeanName()).getBeanClassName();
		}
		if (type.isAnnotationPresent(ConfigurationProperties.class)) {
			return imported.stream().filter((name) -> enables(name, type)).findFirst().orElse(null);
		}
		return definition.getBeanClassName();
	}

	private static boolean enables(String configuration, Class<?> properties) {
		if (!ClassUtils.isPresent(configuration, StarterBeansTests.class.getClassLoader())) {
			return false;
		}
		EnableConfigurationProperties enable = ClassUtils
			.resolveClassName(configuration, StarterBeansTests.class.getClassLoader())
			.getAnnotation(EnableConfigurationProperties.class);
		return enable != null && List.of(enable.value()).contains(properties);
	}

}
