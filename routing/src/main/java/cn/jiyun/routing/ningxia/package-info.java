/**
 * Generates reproducible Ningxia planning problems from the real county seats and township points kept here
 * (Vonng/adcode, CC BY 4.0; see {@code NOTICE.md} beside the CSVs). The benchmark, the tests and the service's
 * warm-up use it; it is the one copy of those points, which the fulfillment demo reads too.
 */
package cn.jiyun.routing.ningxia;
