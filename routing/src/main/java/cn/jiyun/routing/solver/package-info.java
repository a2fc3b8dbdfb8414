/** The pickup rules as OptaPlanner constraints, the arrival/load listener, nearby selection and the solver factory. */
package cn.jiyun.routing.solver;
