/**
 * The audit trail: who did what and when, for the actions that matter (a plan approved, an order's status changed
 * by hand, a shop authorised, a user added, disabled or reset, a cooperative opened, suspended or resumed). The
 * features record into it in the transaction of the action itself, so an action that fails leaves no entry; nothing
 * changes or deletes an entry. Depends on {@code security} only, so that every feature may record.
 */
package cn.jiyun.fulfillment.audit;
