package com.example.shop;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.TaskDecorator;

import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code nplusone.enabled=false} leaves nothing behind: no proxy, no filter. */
@SpringBootTest(properties = "nplusone.enabled=false")
class DisabledTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DataSource dataSource;

	@Test
	void theDataSourceIsNotWrappedAndNoFilterIsRegistered() throws Exception {
		assertThat(this.dataSource).isNotInstanceOf(ProxyDataSource.class);
		assertThat(this.dataSource.isWrapperFor(ProxyDataSource.class)).isFalse();
		assertThat(this.context.getBeansOfType(FilterRegistrationBean.class).values())
			.noneMatch((registration) -> registration.getFilter().getClass().getName().startsWith("dev.nplusonelab"));
		assertThat(this.context.getBeanNamesForType(SqlCapture.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(TaskDecorator.class)).isEmpty();
		assertThat(this.context.getBeanDefinitionNames())
			.noneMatch((name) -> name.startsWith("nplusone") || this.context.getType(name) != null
					&& this.context.getType(name).getName().startsWith("dev.nplusonelab.diagnostics"));
	}

}
