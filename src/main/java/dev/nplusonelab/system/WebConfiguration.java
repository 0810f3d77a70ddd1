package dev.nplusonelab.system;

import java.util.List;

import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.sql.SqlCapture;
import dev.nplusonelab.sql.SqlProperties;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Guide guide;

	private final SqlCapture capture;

	private final SqlProperties sqlProperties;

	WebConfiguration(Guide guide, SqlCapture capture, SqlProperties sqlProperties) {
		this.guide = guide;
		this.capture = capture;
		this.sqlProperties = sqlProperties;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageParameterResolvers.ModeResolver());
		resolvers.add(new PageParameterResolvers.PagingResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LatencyInterceptor(this.capture, this.sqlProperties));
		registry.addInterceptor(new PageModelInterceptor(this.guide));
	}

}
