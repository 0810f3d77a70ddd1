package dev.nplusonelab.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose component scan covers the starter's package (the lab's does) must
 * not pick anything up from it: the only stereotype classes are the auto-configurations
 * listed in {@code AutoConfiguration.imports}, which Spring Boot keeps out of the scan.
 */
class StarterStructureTests {

	private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	@Test
	void theOnlyStereotypesAreTheImportedAutoConfigurations() throws IOException {
		Set<String> stereotypes = new TreeSet<>();
		Set<String> autoConfigurations = new TreeSet<>();
		for (AnnotationMetadata type : mainClasses()) {
			if (type.hasAnnotation(Component.class.getName()) || type.hasMetaAnnotation(Component.class.getName())) {
				stereotypes.add(type.getClassName());
			}
			if (type.hasAnnotation(AutoConfiguration.class.getName())) {
				autoConfigurations.add(type.getClassName());
			}
		}

		assertThat(stereotypes).isNotEmpty().isEqualTo(autoConfigurations);
		assertThat(stereotypes).allSatisfy((name) -> assertThat(name).doesNotContain("$"));
		assertThat(new TreeSet<>(imports())).isEqualTo(autoConfigurations);
	}

	/**
	 * The class conditions written by hand in the auto-configuration metadata, which let
	 * Spring Boot skip an auto-configuration without reading its class, are those its
	 * annotation declares.
	 */
	@Test
	void theHandWrittenClassConditionsSayWhatTheAnnotationsSay() throws IOException {
		Properties metadata = new Properties();
		metadata.load(new StringReader(read("META-INF/spring-autoconfigure-metadata.properties")));
		Map<String, AnnotationMetadata> types = new HashMap<>();
		mainClasses().forEach((type) -> types.put(type.getClassName(), type));

		assertThat(metadata.stringPropertyNames()).isNotEmpty().allSatisfy((key) -> {
			assertThat(key).endsWith(".ConditionalOnClass");
			AnnotationMetadata type = types.get(key.substring(0, key.lastIndexOf('.')));
			assertThat(type).as(key).isNotNull();
			String[] declared = (String[]) type.getAnnotationAttributes(ConditionalOnClass.class.getName(), true)
				.get("value");
			assertThat(metadata.getProperty(key).split(",")).as(key).containsExactlyInAnyOrder(declared);
		});
	}

	@Test
	void everyPropertyHasMetadataForIdes() throws IOException {
		String metadata = read("META-INF/spring-configuration-metadata.json");

		assertThat(metadata).contains("\"nplusone.enabled\"", "\"nplusone.web.allowed-addresses\"",
				"\"nplusone.panel.max-size\"", "\"nplusone.history.size\"", "\"nplusone.call-sites.skip\"",
				"\"nplusone.result-set.bytes\"", "\"nplusone.max-statements-per-request\"",
				"\"nplusone.application-packages\"", "\"nplusone.explain\"", "\"nplusone.strict\"");
	}

	/** The starter's own classes, as compiled from src/main/java. */
	private static List<AnnotationMetadata> mainClasses() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		SimpleMetadataReaderFactory readers = new SimpleMetadataReaderFactory();
		List<AnnotationMetadata> classes = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:dev/nplusonelab/diagnostics/**/*.class")) {
			if (resource.getURL().toString().contains("test-classes")) {
				continue;
			}
			MetadataReader reader = readers.getMetadataReader(resource);
			classes.add(reader.getAnnotationMetadata());
		}
		return classes;
	}

	private static List<String> imports() throws IOException {
		return read(IMPORTS).lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = StarterStructureTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
	}

}
