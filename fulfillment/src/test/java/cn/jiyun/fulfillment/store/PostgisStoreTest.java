package cn.jiyun.fulfillment.store;

import cn.jiyun.fulfillment.support.PostgisTest;

import java.util.List;

/** The store contract on the production store, a real PostGIS server. */
@PostgisTest
class PostgisStoreTest extends StoreContract {

    @Override
    List<String> spatialIndexNames() {
        return jdbc.sql("""
                        SELECT indexname FROM pg_indexes
                        WHERE tablename = 'producer' AND indexdef ILIKE '%USING gist (location)%'""")
                .query(String.class).list();
    }
}
