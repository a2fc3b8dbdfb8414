/**
 * Orders: what buyers bought on the platforms, the parcels it makes at each producer, and the
 * append-only history of where it stands, from received to handed to the express carrier.
 */
package cn.jiyun.fulfillment.orders;
