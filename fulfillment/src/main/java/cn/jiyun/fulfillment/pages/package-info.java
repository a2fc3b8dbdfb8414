/**
 * The server-rendered pages' frame: form login with sessions and CSRF, the home page that sends
 * each role on, the locale (Chinese by default, English with {@code ?lang=en}) and page errors.
 */
package cn.jiyun.fulfillment.pages;
