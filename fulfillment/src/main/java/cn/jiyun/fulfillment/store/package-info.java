/** What every stored record of Jiyun shares. */
package cn.jiyun.fulfillment.store;
