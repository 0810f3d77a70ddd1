package dev.nplusonelab.guide;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class GuideWebConfiguration implements WebMvcConfigurer {

	private final Guide guide;

	GuideWebConfiguration(Guide guide) {
		this.guide = guide;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LessonInterceptor(this.guide));
	}

}
