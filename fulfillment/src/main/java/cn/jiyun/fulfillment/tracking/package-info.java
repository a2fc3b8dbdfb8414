/**
 * Tracking for buyers and sellers: an order's public page behind an unguessable link, showing where
 * the parcels are and nothing about anyone.
 */
package cn.jiyun.fulfillment.tracking;
