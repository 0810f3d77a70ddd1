package dev.nplusonelab.sql;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.nplusonelab.query.Relations;

/**
 * Puts datasource-proxy in front of the application's DataSource, opens a report per
 * request, and wires the detector, the history and the actuator endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SqlProperties.class)
class SqlConfiguration implements WebMvcConfigurer {

	/** The code a call site names: a line of it is what a developer changes. */
	private static final String APPLICATION_PACKAGE = "dev.nplusonelab";

	/**
	 * Wraps every DataSource bean, whichever way it was created (embedded or from
	 * {@code spring.datasource.*}), once its own configuration has been bound.
	 */
	@Bean
	static BeanPostProcessor countingDataSourcePostProcessor(ObjectProvider<SqlCapture> capture) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(beanName, dataSource)
						.listener(new StatementListener(capture.getObject(), new CallSites(APPLICATION_PACKAGE)))
						.proxyResultSet()
						.methodListener(new ResultSetListener(capture.getObject()))
						.build();
				}
				return bean;
			}

		};
	}

	@Bean
	SqlMetrics sqlMetrics(MeterRegistry registry) {
		return new SqlMetrics(registry);
	}

	@Bean
	NPlusOneDetector nPlusOneDetector(ObjectProvider<Relations> relations) {
		return new NPlusOneDetector(relations.getIfAvailable(() -> new Relations(java.util.List.of())));
	}

	@Bean
	SqlDiagnostics sqlDiagnostics(NPlusOneDetector detector, SqlProperties properties) {
		return new SqlDiagnostics(detector, properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "lab.sql.history", matchIfMissing = true)
	SqlRequestHistory sqlRequestHistory(SqlProperties properties) {
		return new SqlRequestHistory(properties.historySize());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "lab.sql.history", matchIfMissing = true)
	SqlRequestsEndpoint sqlRequestsEndpoint(SqlRequestHistory history, SqlProperties properties) {
		return new SqlRequestsEndpoint(history, properties.parameters());
	}

	@Bean
	FilterRegistrationBean<SqlReportFilter> sqlReportFilter(SqlCapture capture, SqlMetrics metrics,
			SqlDiagnostics diagnostics, ObjectProvider<SqlRequestHistory> history, SqlProperties properties) {
		FilterRegistrationBean<SqlReportFilter> registration = new FilterRegistrationBean<>(
				new SqlReportFilter(capture, metrics, diagnostics, history.getIfAvailable(), properties));
		// Just inside the observation filter, so the report is complete when that filter
		// tags the
		// request.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReportPhaseInterceptor());
	}

}
