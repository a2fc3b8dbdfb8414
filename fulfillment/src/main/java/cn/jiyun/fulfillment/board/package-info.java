/**
 * The cooperative's planning board: a map of hubs, producers and the parcels awaiting pickup, where an
 * admin starts planning, watches it improve, pins stops, re-plans and approves.
 */
package cn.jiyun.fulfillment.board;
