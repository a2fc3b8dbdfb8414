/**
 * Records couriers' pickups: each parcel of an approved route collected or not (with the reason),
 * stops skipped because the producer was absent, the parcels' arrival at the county hub and their
 * handover to the express carrier, moving the orders on as they go. Every confirmation is
 * idempotent, so a retry after a lost connection never counts a parcel twice.
 *
 * <p>How an order moves once every parcel it has on the approved plan has an outcome:
 * all collected: PICKED_UP; one refused or damaged: NEEDS_ATTENTION with the reasons (a person
 * decides: re-make, refund, cancel); none collected, each not ready or its stop skipped:
 * back to AWAITING_PICKUP, so the next plan takes it; some collected and some not (or a parcel
 * the plan left out): NEEDS_ATTENTION, because the planner plans whole orders and would send a
 * courier back for the parcels already collected. An order moves to AT_HUB once every parcel
 * collected for it has been scanned in at the hub, and to HANDED_TO_CARRIER with the carrier and
 * waybill, which queues the write-back to its platform.
 */
package cn.jiyun.fulfillment.pickups;
