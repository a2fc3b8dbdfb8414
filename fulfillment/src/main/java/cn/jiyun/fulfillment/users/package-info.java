/**
 * A cooperative's people: its admin adds, edits, disables and resets its users (admins, couriers, sellers), ties
 * sellers to shops and couriers to vehicles; everyone changes their own password, and someone whose password was
 * chosen by another must choose their own first.
 */
package cn.jiyun.fulfillment.users;
