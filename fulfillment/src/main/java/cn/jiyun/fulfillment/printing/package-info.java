/**
 * Prints the hub's labels through the platforms' own print components, which run on the hub's PC and which the
 * hub page reaches over WebSocket: where they listen, and the page's side of their protocols.
 */
package cn.jiyun.fulfillment.printing;
