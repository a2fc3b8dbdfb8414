package cn.jiyun.fulfillment.demo;

import cn.jiyun.routing.ningxia.NingxiaDivisions;

import java.util.ArrayList;
import java.util.List;

/**
 * Real Ningxia county seats and township points (WGS-84 columns), read from routing's one copy of them
 * (Vonng/adcode, CC BY 4.0, see its {@code ningxia/NOTICE.md}). Rows without a point are skipped.
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
        for (String[] row : NingxiaDivisions.counties()) {
            if (!row[6].isEmpty()) {
                counties.add(new County(row[0], row[1], row[2], Double.parseDouble(row[6]), Double.parseDouble(row[7])));
            }
        }
        return counties;
    }

    static List<Township> townships() {
        List<Township> townships = new ArrayList<>();
        for (String[] row : NingxiaDivisions.townships()) {
            if (!row[8].isEmpty()) {
                townships.add(new Township(row[0], row[1], row[2], row[3], Double.parseDouble(row[8]),
                        Double.parseDouble(row[9])));
            }
        }
        return townships;
    }
}
