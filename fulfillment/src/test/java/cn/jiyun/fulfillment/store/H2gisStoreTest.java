package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.support.H2gisTest;

import java.util.List;

/** The store contract on the embedded default, H2GIS. */
@H2gisTest
class H2gisStoreTest extends StoreContract {

    @Override
    List<String> spatialIndexNames() {
        return jdbc.sql("""
                        SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES
                        WHERE TABLE_NAME = 'PRODUCER' AND INDEX_TYPE_NAME = 'SPATIAL INDEX'""")
                .query(String.class).list();
    }
}
