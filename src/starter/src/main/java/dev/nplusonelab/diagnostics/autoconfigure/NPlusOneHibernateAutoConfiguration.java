package dev.nplusonelab.diagnostics.autoconfigure;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import dev.nplusonelab.diagnostics.detect.HibernateSuggestions;

/**
 * Fix suggestions that name entity associations ({@code Owner.pets}) and the JPA fixes,
 * when the application has Hibernate. The {@code EntityManagerFactory} is looked up when
 * a finding needs it, once the application runs.
 * <p>
 * {@code META-INF/spring-autoconfigure-metadata.properties} repeats its class condition,
 * so that Spring Boot skips it without reading the class when Hibernate is missing: the
 * lab compiles the starter's sources without Hibernate, and so without this class.
 */
@AutoConfiguration(before = NPlusOneAutoConfiguration.class)
@ConditionalOnClass({ SessionFactoryImplementor.class, EntityManagerFactory.class })
@ConditionalOnBooleanProperty(name = "nplusone.enabled", matchIfMissing = true)
public class NPlusOneHibernateAutoConfiguration {

	@Bean
	HibernateSuggestions nplusoneHibernateSuggestions(ObjectProvider<EntityManagerFactory> factories) {
		return new HibernateSuggestions(factories);
	}

}
