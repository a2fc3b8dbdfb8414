/** The OptaPlanner model of a pickup plan: vehicle-days (entities) holding ordered pickup stops (list variable). */
package cn.jiyun.routing.domain;
