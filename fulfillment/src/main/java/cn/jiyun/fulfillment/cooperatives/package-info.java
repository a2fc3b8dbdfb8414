/** Cooperatives: the tenants of Jiyun. Every stored row belongs to exactly one. */
package cn.jiyun.fulfillment.cooperatives;
