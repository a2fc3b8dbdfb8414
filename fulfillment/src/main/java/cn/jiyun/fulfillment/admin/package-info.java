/**
 * The frame the cooperative admin's pages share: form errors in the admin's words, notices, not-found
 * pages. It knows no feature (the {@code /admin} start page that counts them is in {@code overview}).
 * Each feature's pages sit in its {@code web} package as {@code ...PagesController}, next to the API
 * request records they reuse, so a rule is checked in one place for the API and the pages alike.
 */
package cn.jiyun.fulfillment.admin;
