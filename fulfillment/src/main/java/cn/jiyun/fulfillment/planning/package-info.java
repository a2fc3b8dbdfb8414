/**
 * Pickup planning: builds the planner's problem from the parcels awaiting pickup, solves it in the
 * background, stores the plan with its routes, and approves it, which moves its orders to PLANNED.
 */
package cn.jiyun.fulfillment.planning;
