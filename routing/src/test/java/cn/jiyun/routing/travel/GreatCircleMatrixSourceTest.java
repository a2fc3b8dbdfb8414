package cn.jiyun.routing.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.jiyun.routing.GeoPoint;

class GreatCircleMatrixSourceTest {

    // Yinchuan (WGS-84) and Yongning county seat.
    private static final MatrixPoint YINCHUAN = new MatrixPoint(new GeoPoint(38.486730, 106.226507), "640104");
    private static final MatrixPoint YONGNING = new MatrixPoint(new GeoPoint(38.277, 106.245), "640121");

    @Test
    void multipliesTheGreatCircleByTheDefaultCircuityAndDrivesAtTheAverageSpeed() {
        TravelMatrix matrix = new GreatCircleMatrixSource().compute(List.of(YINCHUAN, YONGNING));

        double straight = GreatCircleMatrixSource.greatCircleMetres(YINCHUAN.location(), YONGNING.location());
        assertThat(straight).isCloseTo(23_350, within(300.0));
        assertThat(matrix.distanceMetres(0, 1)).isEqualTo(Math.round(straight * 1.35));
        assertThat((double) matrix.durationSeconds(0, 1)).isCloseTo(straight * 1.35 / (40 / 3.6), within(1.0));
        assertThat(matrix.distanceMetres(0, 0)).isZero();
    }

    @Test
    void usesTheCountyCircuityAveragedAcrossABorder() {
        GreatCircleMatrixSource source = new GreatCircleMatrixSource(Map.of("640121", 1.55), 1.35, 40);
        TravelMatrix matrix = source.compute(List.of(YINCHUAN, YONGNING));

        double straight = GreatCircleMatrixSource.greatCircleMetres(YINCHUAN.location(), YONGNING.location());
        assertThat(matrix.distanceMetres(1, 0)).isEqualTo(Math.round(straight * 1.45));
    }

    @Test
    void cachesTheMatrixPerSetOfPoints() {
        AtomicInteger computed = new AtomicInteger();
        TravelMatrixSource counting = points -> {
            computed.incrementAndGet();
            return new GreatCircleMatrixSource().compute(points);
        };
        CachingMatrixSource cache = new CachingMatrixSource(counting, 4);

        TravelMatrix first = cache.compute(List.of(YINCHUAN, YONGNING));
        TravelMatrix again = cache.compute(List.of(YINCHUAN, YONGNING));
        cache.compute(List.of(YONGNING, YINCHUAN));

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(2);
    }
}
