/** The benchmark command: standard VRP instances (Solomon, Gehring–Homberger, CVRPLIB X, generated Ningxia) solved by the planner's own solver. */
package cn.jiyun.routing.bench;
