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

    @Override
    List<String[]> indexColumns() {
        return jdbc.sql("""
                        SELECT I.TABLE_NAME, I.INDEX_NAME,
                               LISTAGG(C.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY C.ORDINAL_POSITION)
                        FROM INFORMATION_SCHEMA.INDEXES I
                        JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C
                          ON C.TABLE_SCHEMA = I.TABLE_SCHEMA AND C.TABLE_NAME = I.TABLE_NAME
                         AND C.INDEX_NAME = I.INDEX_NAME
                        WHERE I.TABLE_SCHEMA = SCHEMA()
                        GROUP BY I.TABLE_NAME, I.INDEX_NAME""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
    }
}
