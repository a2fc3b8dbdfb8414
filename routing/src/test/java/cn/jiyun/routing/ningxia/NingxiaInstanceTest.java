package cn.jiyun.routing.ningxia;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jiyun.routing.PlanningProblem;
import cn.jiyun.routing.Vehicle;

class NingxiaInstanceTest {

    @Test
    void generatesTheSameCooperativeForTheSameSeed() {
        PlanningProblem first = NingxiaInstance.generate(1, 1000, 40, 3, LocalDate.of(2026, 12, 1));
        PlanningProblem again = NingxiaInstance.generate(1, 1000, 40, 3, LocalDate.of(2026, 12, 1));

        assertThat(first).isEqualTo(again);
        assertThat(first.hubs()).hasSize(3);
        assertThat(first.vehicles()).hasSize(40).anyMatch(Vehicle::refrigerated);
        assertThat(first.producers()).hasSize(1000);
        assertThat(first.parcels()).hasSizeGreaterThan(3000);
        assertThat(first.vehicles().stream().map(Vehicle::homeHubId).distinct()).hasSize(3);
        // Every producer lies in Ningxia's bounding box (WGS-84).
        assertThat(first.producers()).allSatisfy(producer -> {
            assertThat(producer.location().latitude()).isBetween(35.2, 39.4);
            assertThat(producer.location().longitude()).isBetween(104.2, 107.7);
        });
    }
}
