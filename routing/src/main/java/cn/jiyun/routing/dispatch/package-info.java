/**
 * Decides, before a plan is solved, which parcels that could wait for a later plan are collected now: the greedy and
 * lazy baselines, the planner's own holding price, and a sample-scenario policy in the spirit of iterative conditional
 * dispatch (Lan, van Doorn, Wouda, Rijal, Bhulai, Transportation Science, arXiv 2308.14476).
 */
package cn.jiyun.routing.dispatch;
