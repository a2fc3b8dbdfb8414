package cn.jiyun.integrations;

import java.time.Instant;

/**
 * What one synchronisation of a shop did.
 *
 * @param fetched      orders read from the platform
 * @param stored       orders created or updated
 * @param deadLettered messages that could not be mapped
 * @param cursor       the cursor after the sync
 */
public record SyncReport(int fetched, int stored, int deadLettered, Instant cursor) {
}
