package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.support.H2gisTest;

/** Isolation between cooperatives on the embedded default store, H2GIS. */
@H2gisTest
class H2gisIsolationTest extends IsolationContract {
}
