package cn.jiyun.fulfillment.geo;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Gcj02Test {

    /** Ningxia's county seats with both datums, as the demo data carries them (shared/data). */
    @Test
    void matchesNingxiasPublishedPairsWithinAFewMetres() throws Exception {
        List<String[]> rows;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(
                Gcj02Test.class.getResourceAsStream("/cn/jiyun/routing/ningxia/ningxia-counties.csv"), StandardCharsets.UTF_8))) {
            rows = csv.lines().skip(1).map(line -> line.split(",")).toList();
        }
        assertThat(rows).hasSizeGreaterThan(10);
        for (String[] row : rows) {
            assertThat(row[5]).isEqualTo("gcj02");
            Gcj02 converted = Gcj02.fromWgs84(Double.parseDouble(row[6]), Double.parseDouble(row[7]));
            double metres = Wgs84.metresBetween(Wgs84.point(converted.longitude(), converted.latitude()),
                    Wgs84.point(Double.parseDouble(row[3]), Double.parseDouble(row[4])));
            assertThat(metres).as("%s %s", row[0], row[1]).isLessThan(3.0);
        }
    }

    @Test
    void shiftsYinchuanByHundredsOfMetresButLeavesPositionsOutsideChinaAlone() {
        Gcj02 yinchuan = Gcj02.fromWgs84(106.284218, 38.473136);
        assertThat(yinchuan.longitude()).isCloseTo(106.28865, org.assertj.core.data.Offset.offset(0.00003));
        assertThat(yinchuan.latitude()).isCloseTo(38.473609, org.assertj.core.data.Offset.offset(0.00003));

        assertThat(Gcj02.fromWgs84(2.3522, 48.8566)).isEqualTo(new Gcj02(2.3522, 48.8566));
    }
}
