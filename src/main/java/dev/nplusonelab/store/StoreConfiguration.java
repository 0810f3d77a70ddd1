package dev.nplusonelab.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.query.Relations;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** The bookstore's relations, for the N+1 detector's suggestions. */
	@Bean
	Relations bookstoreRelations() {
		return Bookstore.RELATIONS;
	}

}
