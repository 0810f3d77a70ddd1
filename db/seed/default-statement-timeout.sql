-- Back to the connection's own limit, before it returns to the pool.
RESET statement_timeout
