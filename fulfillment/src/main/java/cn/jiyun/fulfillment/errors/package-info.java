/** Turns refused requests into RFC 7807 problem details that say what was wrong and where. */
package cn.jiyun.fulfillment.errors;
