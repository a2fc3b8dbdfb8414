package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.support.PostgisTest;

/** Intake on the production store, PostGIS. */
@PostgisTest
class PostgisIntakeStoreTest extends IntakeStoreContract {
}
