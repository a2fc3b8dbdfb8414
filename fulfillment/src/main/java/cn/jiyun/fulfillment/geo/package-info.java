/** WGS-84 positions and areas: the one datum Jiyun stores (GCJ-02 only at the map's edge). */
package cn.jiyun.fulfillment.geo;
