package cn.jiyun.fulfillment.board;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The planning board's map tiles.
 *
 * @param tileUrl   an XYZ tile URL template ({@code {z}/{x}/{y}}, optionally {@code {s}}); empty: a plain
 *                  background, points and routes still drawn
 * @param tileDatum the datum those tiles are drawn in: {@code WGS84}, or {@code GCJ02} for Amap and the like
 */
@ConfigurationProperties("jiyun.map")
public record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("WGS84") MapDatum tileDatum) {

    public boolean hasTiles() {
        return tileUrl != null && !tileUrl.isBlank();
    }
}
