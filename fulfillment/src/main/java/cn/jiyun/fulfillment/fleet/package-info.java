/** The cooperative's fleet: vans and trucks, what they carry, what they cost and when they drive. */
package cn.jiyun.fulfillment.fleet;
