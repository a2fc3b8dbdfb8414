package cn.jiyun.routing.bench;

import java.util.Map;

/** Placeholder until the generated Ningxia instance exists. */
final class NingxiaBenchmark {

    private NingxiaBenchmark() {
    }

    static String run(Map<String, String> options, double seconds) {
        throw new UnsupportedOperationException("ningxia instance not generated yet");
    }
}
