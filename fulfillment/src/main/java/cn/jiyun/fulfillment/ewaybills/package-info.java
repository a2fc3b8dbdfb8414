/**
 * E-waybills taken from the orders' platforms at the hub, and their labels. So far: the 76 × 130 mm thermal label
 * Jiyun renders itself where a platform gives plain print data.
 */
package cn.jiyun.fulfillment.ewaybills;
