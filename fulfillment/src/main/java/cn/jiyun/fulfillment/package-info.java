/**
 * The service cooperatives, couriers and sellers use. One package per business capability:
 * {@code cooperatives}, {@code hubs}, {@code producers}, {@code fleet}, {@code shops},
 * {@code orders}, with {@code security}, {@code geo}, {@code errors} and {@code demo} beside them.
 */
package cn.jiyun.fulfillment;
