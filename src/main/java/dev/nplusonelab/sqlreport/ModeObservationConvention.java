package dev.nplusonelab.sqlreport;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds the {@code mode} tag to {@code http.server.requests}, so request latency can be
 * split by naive and optimized the same way {@code app.sql.statements} is.
 */
@Component
class ModeObservationConvention extends DefaultServerRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(ModeTags.MODE, ModeTags.modeOf(context.getCarrier())));
	}

}
