/** Travel distances and durations between pickup points: great-circle estimate or an OSRM-compatible table service. */
package cn.jiyun.routing.travel;
