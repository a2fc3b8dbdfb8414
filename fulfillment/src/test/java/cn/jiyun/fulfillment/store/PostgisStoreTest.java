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

    @Override
    List<String[]> indexColumns() {
        return jdbc.sql("""
                        SELECT t.relname, i.relname, string_agg(a.attname, ',' ORDER BY k.ord)
                        FROM pg_index x
                        JOIN pg_class i ON i.oid = x.indexrelid
                        JOIN pg_class t ON t.oid = x.indrelid
                        JOIN pg_namespace n ON n.oid = t.relnamespace
                        CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                        WHERE n.nspname = current_schema()
                        GROUP BY t.relname, i.relname""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
    }
}
