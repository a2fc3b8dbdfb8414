/**
 * Prints couriers' route manifests: the stops of an approved route in order, who to call, where to
 * drive and which parcels to collect, as a mobile page and as an A4 PDF with QR codes.
 */
package cn.jiyun.fulfillment.manifests;
