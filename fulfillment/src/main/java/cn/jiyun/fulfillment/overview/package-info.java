/**
 * Shows the cooperative admin's start page: how many of each record the features keep and what waits
 * for a person, asked of each feature's service. It sits apart from {@code admin}, the frame every
 * feature's admin pages share, so that the frame depends on no feature and no feature on the overview.
 */
package cn.jiyun.fulfillment.overview;
