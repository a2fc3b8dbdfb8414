package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.support.H2gisTest;

/** The isolation contract on the embedded store. */
@H2gisTest
class H2gisIsolationTest extends IsolationContract {
}
