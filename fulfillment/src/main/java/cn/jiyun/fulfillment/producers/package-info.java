/** Producers: the farms and workshops whose parcels are picked up, where they are and when they can hand over. */
package cn.jiyun.fulfillment.producers;
