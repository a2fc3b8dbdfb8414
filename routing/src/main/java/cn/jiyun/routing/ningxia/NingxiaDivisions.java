package cn.jiyun.routing.ningxia;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the Ningxia county and township CSVs on this module's classpath (Vonng/adcode, CC BY 4.0), header
 * left out. Columns: {@code code,name,city,lon,lat,datum,lon_wgs84,lat_wgs84} for counties and
 * {@code code,name,county_code,county,city,lon,lat,datum,lon_wgs84,lat_wgs84} for townships; a row without a
 * point has empty coordinate cells.
 */
public final class NingxiaDivisions {

    private static final String DIRECTORY = "/cn/jiyun/routing/ningxia/";

    private NingxiaDivisions() {
    }

    public static List<String[]> counties() {
        return read("ningxia-counties.csv");
    }

    public static List<String[]> townships() {
        return read("ningxia-townships.csv");
    }

    private static List<String[]> read(String file) {
        String resource = DIRECTORY + file;
        try (InputStream in = NingxiaDivisions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
