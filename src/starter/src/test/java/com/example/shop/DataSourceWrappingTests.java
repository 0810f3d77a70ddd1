package com.example.shop;

import java.util.Map;

import javax.sql.DataSource;

import com.github.gavlyukovskiy.boot.jdbc.decorator.DataSourceDecoratorAutoConfiguration;
import com.github.gavlyukovskiy.boot.jdbc.decorator.DecoratedDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import dev.nplusonelab.diagnostics.autoconfigure.NPlusOneAutoConfiguration;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every DataSource is wrapped exactly once, whatever else wraps it: every statement
 * counts once, and its rows once.
 */
class DataSourceWrappingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NPlusOneAutoConfiguration.class));

	@Test
	void aPlainDataSourceIsWrappedOnce() {
		this.runner.withUserConfiguration(Plain.class).run((context) -> {
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class);
			assertCountedOnce(context.getBean(SqlCapture.class), context.getBean(DataSource.class));
		});
	}

	@Test
	void withTheDataSourceDecoratorTheStarterJoinsItsChainInsteadOfWrappingAgain() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceDecoratorAutoConfiguration.class))
			.withPropertyValues("decorator.datasource.enabled=true")
			.withUserConfiguration(Plain.class)
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(dataSource).isInstanceOf(DecoratedDataSource.class);
				assertThat(((DecoratedDataSource) dataSource).getDecoratingChain()).hasSize(1);
				assertCountedOnce(context.getBean(SqlCapture.class), dataSource);
			});
	}

	@Test
	void aLazyConnectionProxyOverAWrappedDataSourceIsNotWrappedAgain() {
		this.runner.withUserConfiguration(Lazy.class).run((context) -> {
			DataSource lazy = context.getBean("lazy", DataSource.class);
			assertThat(lazy).isInstanceOf(LazyConnectionDataSourceProxy.class);
			assertThat(context.getBean("target", DataSource.class)).isInstanceOf(ProxyDataSource.class);
			assertCountedOnce(context.getBean(SqlCapture.class), lazy);
		});
	}

	@Test
	void aRoutingDataSourceOverWrappedTargetsKeepsRoutingAndCountsOnce() {
		this.runner.withUserConfiguration(Routing.class).run((context) -> {
			Router router = context.getBean(Router.class);
			assertThat(context.getBean("router")).isSameAs(router);
			SqlCapture capture = context.getBean(SqlCapture.class);
			JdbcTemplate jdbc = new JdbcTemplate(router);

			Router.key.set("other");
			RequestReport report = capture.capture(
					() -> assertThat(jdbc.queryForObject("SELECT name FROM marker", String.class)).isEqualTo("other"));
			Router.key.set("main");
			RequestReport main = capture
				.capture(() -> assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
					.isEqualTo("postgres"));

			assertThat(report.statementCount()).isOne();
			assertThat(report.statements().get(0).fetched().rows()).isOne();
			assertThat(main.statementCount()).isOne();
		});
	}

	@Test
	void aRoutingDataSourceOverPlainTargetsIsWrappedItself() {
		this.runner.withUserConfiguration(RoutingOverPlainTargets.class).run((context) -> {
			assertThat(context.getBean(DataSource.class)).isInstanceOf(ProxyDataSource.class);
			assertCountedOnce(context.getBean(SqlCapture.class), context.getBean(DataSource.class));
		});
	}

	@Test
	void stackedProxiesOfTheStarterStillCountOnce() {
		this.runner.withUserConfiguration(Stacked.class).run((context) -> {
			assertThat(context.getBean("outer")).isInstanceOf(ProxyDataSource.class);
			assertCountedOnce(context.getBean(SqlCapture.class), context.getBean("outer", DataSource.class));
		});
	}

	private static void assertCountedOnce(SqlCapture capture, DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		RequestReport report = capture
			.capture(() -> assertThat(jdbc.queryForList("SELECT id FROM author ORDER BY id", Long.class)).hasSize(5));

		assertThat(report.statementCount()).isOne();
		assertThat(report.statements().get(0).fetched().rows()).isEqualTo(5);
	}

	@Configuration(proxyBeanMethods = false)
	static class Plain {

		@Bean
		DataSource dataSource() {
			return TestDatabase.dataSource("postgres");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Lazy {

		@Bean
		DataSource target() {
			return TestDatabase.dataSource("postgres");
		}

		@Bean
		@Primary
		DataSource lazy(DataSource target) {
			return new LazyConnectionDataSourceProxy(target);
		}

	}

	static class Router extends AbstractRoutingDataSource {

		static final ThreadLocal<String> key = ThreadLocal.withInitial(() -> "main");

		@Override
		protected Object determineCurrentLookupKey() {
			return key.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Routing {

		@Bean
		DataSource main() {
			return TestDatabase.dataSource("postgres");
		}

		@Bean
		DataSource other() {
			return TestDatabase.dataSource("other");
		}

		@Bean
		@Primary
		Router router(DataSource main, DataSource other) {
			Router router = new Router();
			router.setTargetDataSources(Map.of("main", main, "other", other));
			router.setDefaultTargetDataSource(main);
			return router;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RoutingOverPlainTargets {

		@Bean
		DataSource router() {
			Router router = new Router();
			router.setTargetDataSources(
					Map.of("main", TestDatabase.dataSource("postgres"), "other", TestDatabase.dataSource("other")));
			router.setDefaultTargetDataSource(TestDatabase.dataSource("postgres"));
			return router;
		}

	}

	/**
	 * An application that hides a wrapped DataSource behind a wrapper of its own, which
	 * the post-processor cannot see through, so it wraps that too: two of the starter's
	 * proxies stacked.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Stacked {

		@Bean
		DataSource inner() {
			return TestDatabase.dataSource("postgres");
		}

		@Bean
		@Primary
		DataSource outer(DataSource inner) {
			return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
						try {
							return method.invoke(inner, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
