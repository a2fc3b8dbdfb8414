/**
 * The cooperative admin's management pages: the {@code /admin} index with what needs a person, and
 * the frame the features' own admin pages share (form errors in the admin's words, not-found pages).
 * Each feature's pages sit in its {@code web} package as {@code ...PagesController}, next to the API
 * request records they reuse, so a rule is checked in one place for the API and the pages alike.
 */
package cn.jiyun.fulfillment.admin;
