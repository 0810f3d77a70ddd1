package dev.nplusonelab.diagnostics.capture;

/**
 * The code that sent a statement to the driver, read from the stack between the driver
 * and the application's line: a fix is only worth reading in the terms of that code. A
 * JPA fix for a line of {@code JdbcTemplate} code, or {@code JdbcClient} advice for a
 * lazy association, names something the developer cannot apply there.
 */
public enum DataAccess {

	/** Hibernate (directly, or through Spring Data JPA): its frames are on the stack. */
	HIBERNATE,

	/** Spring Data JDBC: an aggregate, a derived query or a repository method. */
	SPRING_DATA_JDBC,

	/**
	 * Plain JDBC: {@code JdbcTemplate}, {@code JdbcClient}, or the driver's API called by
	 * the application itself.
	 */
	JDBC,

	/** Another data-access framework: jOOQ, MyBatis, EclipseLink. */
	OTHER,

	/** Not known: call sites are switched off, and the stack is not read. */
	UNKNOWN;

	/** What a frame of this class says about the code that issued the statement. */
	static DataAccess marking(String className) {
		if (className.startsWith("org.hibernate.")) {
			return HIBERNATE;
		}
		if (className.startsWith("org.springframework.data.jdbc.")
				|| className.startsWith("org.springframework.data.relational.")) {
			return SPRING_DATA_JDBC;
		}
		if (className.startsWith("org.jooq.") || className.startsWith("org.apache.ibatis.")
				|| className.startsWith("org.mybatis.") || className.startsWith("org.eclipse.persistence.")) {
			return OTHER;
		}
		return JDBC;
	}

}
