/**
 * Who may do what: users of a cooperative in one of three roles (COOP_ADMIN, COURIER, SELLER),
 * and the rule that a user only ever sees their own cooperative's data.
 */
package cn.jiyun.fulfillment.security;
