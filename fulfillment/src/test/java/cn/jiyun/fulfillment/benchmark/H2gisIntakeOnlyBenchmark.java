package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.support.H2gisTest;

/** The store's share of ingestion on the embedded default, H2GIS. */
@H2gisTest
class H2gisIntakeOnlyBenchmark extends IntakeOnlyBenchmark {

    @Override
    String store() {
        return "h2";
    }
}
