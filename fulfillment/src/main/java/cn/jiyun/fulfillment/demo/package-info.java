/**
 * The demo cooperative the embedded default starts with: real Ningxia county seats and township
 * points, synthetic producers, a mixed fleet, shops and a few hundred orders awaiting pickup.
 */
package cn.jiyun.fulfillment.demo;
