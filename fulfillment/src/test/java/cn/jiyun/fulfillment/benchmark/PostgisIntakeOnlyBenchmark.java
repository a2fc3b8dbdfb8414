package cn.jiyun.fulfillment.benchmark;

import cn.jiyun.fulfillment.support.PostgisTest;

/** The store's share of ingestion on the production store, PostGIS. */
@PostgisTest
class PostgisIntakeOnlyBenchmark extends IntakeOnlyBenchmark {

    @Override
    String store() {
        return "postgis";
    }
}
