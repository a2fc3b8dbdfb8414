/**
 * Shops: the sellers' accounts on the livestream platforms, and which producer makes each SKU they
 * sell (a cooperative shop sells many farmers' goods).
 */
package cn.jiyun.fulfillment.shops;
