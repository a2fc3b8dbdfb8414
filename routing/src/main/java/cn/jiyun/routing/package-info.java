/** Plans consolidated pickup routes from scattered producers to county hubs. */
package cn.jiyun.routing;
