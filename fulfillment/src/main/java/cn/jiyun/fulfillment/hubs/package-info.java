/** County logistics hubs: where pickup routes start and end and parcels meet the express carriers. */
package cn.jiyun.fulfillment.hubs;
