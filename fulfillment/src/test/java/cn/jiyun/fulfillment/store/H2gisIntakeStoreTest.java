package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.support.H2gisTest;

/** Intake on the embedded default, H2GIS. */
@H2gisTest
class H2gisIntakeStoreTest extends IntakeStoreContract {
}
