package cn.jiyun.fulfillment.tracking.web;

import cn.jiyun.fulfillment.tracking.ParcelJourney;
import cn.jiyun.integrations.tracking.ParcelPush;
import cn.jiyun.integrations.tracking.PushRejectedException;
import cn.jiyun.integrations.tracking.TrackingAggregator;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The tracking aggregator's push callback, {@code POST /webhooks/kuaidi100}: public like the platforms' webhooks
 * (no login, no CSRF token), because the push's own signature says who sent it. A bad signature is refused with 401
 * and changes nothing; a push for an unknown waybill is taken (so the aggregator stops resending it) and kept as a
 * dead letter.
 */
@RestController
@Hidden
class TrackingPushController {

    private static final Logger log = LoggerFactory.getLogger(TrackingPushController.class);

    private final ObjectProvider<TrackingAggregator> aggregator;
    private final ParcelJourney journey;

    TrackingPushController(ObjectProvider<TrackingAggregator> aggregator, ParcelJourney journey) {
        this.aggregator = aggregator;
        this.journey = journey;
    }

    @PostMapping(path = "/webhooks/kuaidi100", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> push(@RequestParam Map<String, String> form) {
        TrackingAggregator from = aggregator.getIfAvailable();
        if (from == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Tracking is off: set jiyun.tracking.kuaidi100.base-url, .key, .salt and .callback-url to "
                            + "follow parcels through Kuaidi100");
        }
        ParcelPush push;
        try {
            push = from.read(form);
        } catch (PushRejectedException refused) {
            log.warn("Refused a {} push: {}", from.name(), refused.getMessage());
            return ResponseEntity.status(refused.badSignature() ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                    .body(from.refusal(refused.getMessage()));
        }
        ParcelJourney.Outcome outcome = journey.take(from, push, form.get("cooperative"));
        log.debug("{} push for {} {}: {}", from.name(), push.carrierCode(), push.waybillNumber(), outcome);
        return ResponseEntity.ok(from.acknowledgement());
    }
}
