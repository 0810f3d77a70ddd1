package dev.nplusonelab.system;

import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.NPlusOneProperties;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The lab's web plumbing. It reads the starter's {@code nplusone.*} settings (the latency
 * cap, whether history is on), so it binds them itself: with
 * {@code nplusone.enabled=false} the starter contributes no beans at all, and the pages
 * must still serve, only without the panel and without latency injection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NPlusOneProperties.class)
class WebConfiguration implements WebMvcConfigurer {

	private final @Nullable SqlCapture capture;

	private final NPlusOneProperties sqlProperties;

	WebConfiguration(ObjectProvider<SqlCapture> capture, NPlusOneProperties sqlProperties) {
		this.capture = capture.getIfAvailable();
		this.sqlProperties = sqlProperties;
	}

	/**
	 * Templates read the view records without SpEL's per-read lookup: see
	 * RecordProperties.
	 */
	@Bean
	static RecordProperties.Dialect recordPropertiesDialect() {
		return new RecordProperties.Dialect();
	}

	/**
	 * First in the chain, so that every response carries the headers, even a failed one.
	 */
	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeaders() {
		FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
		return registration;
	}

	/**
	 * Inside the SQL report filter, which buffers the page: a failure while the view
	 * renders can still replace what was rendered so far.
	 */
	@Bean
	FilterRegistrationBean<DatabaseFailureFilter> databaseFailureFilter() {
		FilterRegistrationBean<DatabaseFailureFilter> registration = new FilterRegistrationBean<>(
				new DatabaseFailureFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Only on requests from outside, not on the container's own error dispatch. */
	@Bean
	FilterRegistrationBean<NoDirectErrorRequests> noDirectErrorRequests() {
		FilterRegistrationBean<NoDirectErrorRequests> registration = new FilterRegistrationBean<>(
				new NoDirectErrorRequests());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		return registration;
	}

	/**
	 * Switches off the link rewriting that Boot adds because a webjar locator is on the
	 * classpath. It looked up every link of every page ({@code /books?page=2}, ...) as a
	 * static resource in the jar, and a miss is never cached: it took 30 ms of a 33 ms
	 * optimized book page. No link of ours carries a version, and {@code /webjars/...}
	 * paths without one are still resolved by the locator when the browser asks for them.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Spring MVC finds it by this bean name and asks it for every URL a template writes.
	 */
	@Bean(name = "requestDataValueProcessor")
	VisitorChoices visitorChoices() {
		return new VisitorChoices();
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageParameterResolvers.ModeResolver());
		resolvers.add(new PageParameterResolvers.PagingResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LatencyInterceptor(this.capture, this.sqlProperties));
		registry.addInterceptor(new PageModelInterceptor(this.sqlProperties.getHistory().isEnabled(),
				this.sqlProperties.getMaxInjected(), this.sqlProperties.isRequestLatency()));
	}

}
