/**
 * The work of Jiyun's own operators: opening a cooperative with its first admin, listing the cooperatives, and
 * suspending and resuming one. No cooperative's user reaches it, and it reads no cooperative's records beyond the
 * cooperative itself and its first admin's name.
 */
package cn.jiyun.fulfillment.operators;
