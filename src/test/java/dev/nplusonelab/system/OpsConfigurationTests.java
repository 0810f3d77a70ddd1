package dev.nplusonelab.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and its Prometheus and Grafana configuration under {@code src/ops}
 * cannot be started here (no container engine), so this checks what can be checked
 * without one: the files it mounts exist, Prometheus scrapes the path the application
 * serves, and every metric and label the Grafana dashboard queries is in the
 * application's own Prometheus scrape.
 */
@LabTest
class OpsConfigurationTests {

	private static final Path DASHBOARD = Path.of("src/ops/grafana/dashboards/nplusone-lab.json");

	/** A series selector: a metric name followed by labels or a range. */
	private static final Pattern SERIES = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*[{\\[]");

	private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void composeMountsFilesThatExist() throws IOException {
		Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));
		Map<String, Object> services = map(compose.get("services"));

		assertThat(services).containsKeys("postgres", "prometheus", "grafana");
		List<String> mounts = new ArrayList<>();
		services.values().forEach((service) -> {
			Object volumes = map(service).get("volumes");
			if (volumes instanceof List<?> list) {
				list.stream().map(String::valueOf).filter((volume) -> volume.startsWith("./")).forEach(mounts::add);
			}
		});
		assertThat(mounts).hasSize(3)
			.allSatisfy((mount) -> assertThat(Path.of(mount.substring(2, mount.indexOf(':')))).exists());
	}

	@Test
	void prometheusScrapesTheActuatorPathTheApplicationServes() throws IOException {
		Map<String, Object> config = yaml(Path.of("src/ops/prometheus/prometheus.yml"));
		List<?> jobs = (List<?>) config.get("scrape_configs");

		assertThat(jobs).singleElement().satisfies((job) -> {
			String path = String.valueOf(map(job).get("metrics_path"));
			assertThat(path).isEqualTo("/actuator/prometheus");
			assertThat(this.mvc.get().uri(path)).hasStatusOk();
		});
	}

	@Test
	void everyDashboardQueryNamesMetricsAndLabelsTheApplicationExposes() throws IOException {
		Pages pages = new Pages(this.mvc);
		pages.visit("/books?mode=naive&size=3");
		pages.visit("/books?size=3");
		Map<String, Set<String>> exposed = scrape();

		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		List<String> queries = new ArrayList<>();
		dashboard.get("panels").forEach((panel) -> {
			JsonNode targets = panel.get("targets");
			if (targets != null) {
				targets.forEach((target) -> queries.add(target.get("expr").asString()));
			}
		});

		assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
		for (String query : queries) {
			Matcher series = SERIES.matcher(query);
			List<String> metrics = new ArrayList<>();
			while (series.find()) {
				metrics.add(series.group(1));
			}
			assertThat(metrics).as(query).isNotEmpty();
			assertThat(exposed.keySet()).as(query).containsAll(metrics);
			Matcher grouping = GROUPING.matcher(query);
			while (grouping.find()) {
				for (String label : grouping.group(1).split(",")) {
					metrics.forEach((metric) -> assertThat(exposed.get(metric)).as("%s in %s", metric, query)
						.contains(label.strip()));
				}
			}
		}
		assertThat(exposed).containsKeys("app_sql_statements_sum", "app_sql_nplusone_total",
				"app_sql_budget_violations_total", "http_server_requests_seconds_bucket");
	}

	/** Every sample name of the scrape, with the label names it carries. */
	private Map<String, Set<String>> scrape() throws IOException {
		String body = this.mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
		Map<String, Set<String>> samples = new HashMap<>();
		Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
		body.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
			int end = line.indexOf('{');
			String name = (end >= 0) ? line.substring(0, end) : line.substring(0, line.indexOf(' '));
			Set<String> labels = samples.computeIfAbsent(name, (key) -> new HashSet<>());
			if (end >= 0) {
				Matcher matcher = label.matcher(line.substring(end, line.lastIndexOf('}')));
				while (matcher.find()) {
					labels.add(matcher.group(1));
				}
			}
		});
		return samples;
	}

	private static Map<String, Object> yaml(Path path) throws IOException {
		return new Yaml().load(Files.readString(path));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
