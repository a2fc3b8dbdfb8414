package cn.jiyun.integrations.tracking;

import cn.jiyun.integrations.Carrier;

import java.util.List;
import java.util.Optional;

/**
 * One push from the aggregator about one waybill: every scan it knows so far (aggregators resend the
 * whole history each time), oldest first.
 *
 * @param carrierCode   the carrier in the aggregator's code, as sent
 * @param carrier       that carrier, when Jiyun knows the code
 * @param waybillNumber the waybill
 * @param monitoring    the aggregator's word for its following of the waybill (e.g. {@code polling}, {@code shutdown},
 *                      {@code abort})
 * @param message       the aggregator's note about its following (e.g. "3天查询无记录"), empty when none
 * @param scans         the scans, oldest first
 * @param raw           the push as it came, for a dead letter
 */
public record ParcelPush(String carrierCode, Optional<Carrier> carrier, String waybillNumber, String monitoring,
                         String message, List<ParcelScan> scans, String raw) {

    public ParcelPush {
        scans = List.copyOf(scans);
        message = message == null ? "" : message;
        monitoring = monitoring == null ? "" : monitoring;
    }
}
