/**
 * Tells each order's platform its waybill once the parcels are with the express carrier: a visible
 * queue (pending, done, failed) with retries, written exactly once per order.
 */
package cn.jiyun.fulfillment.writeback;
