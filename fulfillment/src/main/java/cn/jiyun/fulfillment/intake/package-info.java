/**
 * Takes in the orders the platform connectors bring: an idempotent upsert per (platform, shop,
 * order id), newer news wins, and whatever cannot be processed is kept as a dead letter with its
 * reason, for a person to see and retry.
 */
package cn.jiyun.fulfillment.intake;
