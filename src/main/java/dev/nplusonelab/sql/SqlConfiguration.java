package dev.nplusonelab.sql;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts datasource-proxy in front of the application's DataSource and opens a report per
 * request.
 */
@Configuration(proxyBeanMethods = false)
class SqlConfiguration {

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
						.listener(new StatementListener(capture.getObject()))
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
	FilterRegistrationBean<SqlReportFilter> sqlReportFilter(SqlCapture capture, SqlMetrics metrics) {
		FilterRegistrationBean<SqlReportFilter> registration = new FilterRegistrationBean<>(
				new SqlReportFilter(capture, metrics));
		// Just inside the observation filter, so the report is complete when that filter
		// tags the request.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
