/**
 * What every page shares: the database bootstrap and seeding, the mode and paging
 * parameters, error pages and the home page.
 */
@NullMarked
package dev.nplusonelab.system;

import org.jspecify.annotations.NullMarked;
