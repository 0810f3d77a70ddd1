package dev.nplusonelab.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application lets the requests in flight finish: a web server configured
 * with the application's own {@code application.properties} ({@code server.shutdown},
 * {@code spring.lifecycle.timeout-per-shutdown-phase}), stopped while a request is being
 * served.
 */
class GracefulShutdownTests {

	private static volatile CountDownLatch started = new CountDownLatch(1);

	@Test
	void aRequestInFlightFinishesWhenTheApplicationStops() throws Exception {
		CompletableFuture<HttpResponse<String>> inFlight = stopWhileServing();

		HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("finished");
	}

	/**
	 * The same stop with {@code server.shutdown=immediate} loses the request, so the test
	 * above tells the two settings apart.
	 */
	@Test
	void withoutGracefulShutdownTheSameRequestIsLost() throws Exception {
		CompletableFuture<HttpResponse<String>> inFlight = stopWhileServing("server.shutdown=immediate");

		assertThat(inFlight).failsWithin(Duration.ofSeconds(20))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IOException.class);
	}

	private CompletableFuture<HttpResponse<String>> stopWhileServing(String... properties) throws Exception {
		started = new CountDownLatch(1);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SlowServer.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run(Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new));
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slow"))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		app.close();
		return inFlight;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, LifecycleAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class })
	static class SlowServer {

		@RestController
		static class SlowController {

			@GetMapping("/slow")
			String slow() throws InterruptedException {
				started.countDown();
				// Longer than the two seconds Tomcat waits for a servlet to finish when
				// stopped at once.
				Thread.sleep(6000);
				return "finished";
			}

		}

	}

}
