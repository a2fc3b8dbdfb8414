package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.support.PostgisTest;

/** The isolation contract on PostGIS, the production store. */
@PostgisTest
class PostgisIsolationTest extends IsolationContract {
}
