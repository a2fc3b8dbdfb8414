package cn.jiyun.fulfillment.isolation;

import cn.jiyun.fulfillment.support.PostgisTest;

/** Isolation between cooperatives on the production store, a real PostGIS server. */
@PostgisTest
class PostgisIsolationTest extends IsolationContract {
}
