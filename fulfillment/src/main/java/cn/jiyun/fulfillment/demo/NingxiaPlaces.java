package cn.jiyun.fulfillment.demo;

import org.springframework.core.io.ClassPathResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Ningxia county seats and township points (WGS-84 columns), from the resources in
 * {@code demo/} (Vonng/adcode, CC BY 4.0). Rows without a point are skipped.
 */
final class NingxiaPlaces {

    /** A county seat. */
    record County(String code, String name, String city, double longitude, double latitude) {
    }

    /** A township (乡/镇/街道) point. */
    record Township(String code, String name, String countyCode, String county, double longitude,
                    double latitude) {
    }

    private NingxiaPlaces() {
    }

    static List<County> counties() {
        List<County> counties = new ArrayList<>();
        for (String[] row : read("demo/ningxia-counties.csv")) {
            if (!row[6].isEmpty()) {
                counties.add(new County(row[0], row[1], row[2], Double.parseDouble(row[6]), Double.parseDouble(row[7])));
            }
        }
        return counties;
    }

    static List<Township> townships() {
        List<Township> townships = new ArrayList<>();
        for (String[] row : read("demo/ningxia-townships.csv")) {
            if (!row[8].isEmpty()) {
                townships.add(new Township(row[0], row[1], row[2], row[3], Double.parseDouble(row[8]),
                        Double.parseDouble(row[9])));
            }
        }
        return townships;
    }

    private static List<String[]> read(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
