package dev.nplusonelab.diagnostics.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.web.PanelUrls;
import dev.nplusonelab.diagnostics.web.ReportPhaseInterceptor;

/**
 * Spring MVC's part: which phase of a request runs (handler or view), the handler's
 * {@link StatementBudget} and whether it streams its body; and the application's
 * {@link RequestDataValueProcessor}, which the panel's links go through like every link a
 * template writes.
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

	@Bean
	PanelUrls nplusonePanelUrls(ObjectProvider<RequestDataValueProcessor> processors) {
		SingletonSupplier<RequestDataValueProcessor> processor = SingletonSupplier.of(processors::getIfUnique);
		return (request, url) -> {
			RequestDataValueProcessor found = processor.get();
			return (found != null) ? found.processUrl(request, url) : url;
		};
	}

}
