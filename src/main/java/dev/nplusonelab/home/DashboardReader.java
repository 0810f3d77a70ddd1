package dev.nplusonelab.home;

/**
 * What the home page reads; one implementation per mode, both returning the same records.
 */
interface DashboardReader {

	/** How many rows each list of the dashboard shows. */
	int NEW_BOOKS = 20;

	int BEST_SELLERS = 20;

	int RECENT_ORDERS = 15;

	int LATEST_REVIEWS = 20;

	Dashboard read();

}
