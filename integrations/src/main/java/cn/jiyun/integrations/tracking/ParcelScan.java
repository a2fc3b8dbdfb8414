package cn.jiyun.integrations.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan of a parcel as the aggregator reports it.
 *
 * @param at              when the carrier scanned it
 * @param area            the city or district, as the aggregator names it; empty when it names none
 * @param text            what happened, in the carrier's words (it may contain a courier's or buyer's phone:
 *                        the caller masks it before keeping or showing it)
 * @param stage           where that leaves the parcel
 * @param aggregatorState the aggregator's own state for this scan, kept as it sent it
 */
public record ParcelScan(Instant at, String area, String text, ParcelStage stage, String aggregatorState) {

    public ParcelScan {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stage, "stage");
        area = area == null ? "" : area.strip();
        text = text == null ? "" : text.strip();
        aggregatorState = aggregatorState == null ? "" : aggregatorState;
    }
}
