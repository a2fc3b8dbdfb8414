/**
 * The service cooperatives, couriers and sellers use. One package per business capability
 * ({@code cooperatives}, {@code hubs}, {@code producers}, {@code fleet}, {@code shops}, {@code orders},
 * {@code tracking}, {@code intake}, {@code writeback}, {@code planning}, {@code board}, {@code manifests},
 * {@code pickups}, {@code overview}), with the shared {@code security}, {@code geo}, {@code errors},
 * {@code store}, the pages' frames {@code admin} and {@code pages}, and {@code demo} beside them. A feature
 * asks another's service, never its repositories or web classes; {@code ModularityTest} checks it.
 */
package cn.jiyun.fulfillment;
