/**
 * A parcel's journey after the hub, as a tracking aggregator tells it: subscribing a waybill and reading the
 * signed pushes that follow, in words that belong to no aggregator ({@link cn.jiyun.integrations.tracking.ParcelStage}).
 * An aggregator's package (e.g. {@code kuaidi100}) holds only its own wire format and signature.
 */
package cn.jiyun.integrations.tracking;
