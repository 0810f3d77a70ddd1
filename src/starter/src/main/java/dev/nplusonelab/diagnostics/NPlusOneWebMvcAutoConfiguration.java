package dev.nplusonelab.diagnostics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC's part: which phase of a request runs (handler or view), the handler's
 * {@link StatementBudget} and whether it streams its body.
 */
@AutoConfiguration(after = NPlusOneWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBean(SqlDiagnostics.class)
public class NPlusOneWebMvcAutoConfiguration {

	@Bean
	WebMvcConfigurer nplusoneWebMvcConfigurer() {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new ReportPhaseInterceptor());
			}

		};
	}

}
