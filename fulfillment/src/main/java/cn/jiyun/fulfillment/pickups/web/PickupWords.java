package cn.jiyun.fulfillment.pickups.web;

import cn.jiyun.fulfillment.pickups.HubAnswer;
import cn.jiyun.fulfillment.pickups.OrderMove;
import cn.jiyun.fulfillment.pickups.PickupAnswer;
import cn.jiyun.fulfillment.pickups.PickupOutcome;
import cn.jiyun.fulfillment.pickups.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the pages tell the courier after a confirmation or scan, in their language. */
@Component
public class PickupWords {

    private final MessageSource messages;

    PickupWords(MessageSource messages) {
        this.messages = messages;
    }

    public String said(PickupAnswer answer, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (answer.skippedStop() != null) {
            parts.add(say(answer.alreadySkipped() ? "pickups.done.alreadySkipped" : "pickups.done.skipped", locale,
                    answer.skippedStop()));
        } else if (answer.newlyRecorded() == 0) {
            parts.add(say("pickups.done.repeated", locale));
        } else {
            parts.add(say("pickups.done.recorded", locale, answer.newlyRecorded()));
        }
        if (!answer.orders().isEmpty()) {
            parts.add(say("pickups.done.orders", locale, answer.orders().size()));
        }
        parts.add(say("pickups.done.load", locale,
                String.format(Locale.ROOT, "%.1f", answer.collectedGrams() / 1000.0)));
        return String.join(" ", parts);
    }

    public String said(HubAnswer.Arrival answer, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(answer.newlyArrived() == 0 ? say("hub.done.repeated", locale)
                : say("hub.done.arrived", locale, answer.newlyArrived()));
        if (!answer.orders().isEmpty()) {
            parts.add(say("hub.done.atHub", locale, answer.orders().stream().map(OrderMove::platformOrderId)
                    .collect(Collectors.joining(", "))));
        }
        if (!answer.stillMissing().isEmpty()) {
            parts.add(say("hub.done.missing", locale, String.join(", ", answer.stillMissing())));
        }
        return String.join(" ", parts);
    }

    public String said(HubAnswer.Handover answer, Locale locale) {
        String carrier = Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? answer.carrier().chineseName()
                : answer.carrier().name();
        return say(answer.alreadyHandedOver() ? "hub.done.alreadyHandedOver" : "hub.done.handedOver", locale,
                answer.platformOrderId(), carrier, answer.waybillNumber());
    }

    public String said(Refusal refusal, Locale locale) {
        return messages.getMessage(refusal.key(), refusal.args(), locale);
    }

    /**
     * What to tell the user about a refused request they can act on: a refusal, or the same thing
     * recorded by someone else at that very moment (e.g. a double tap). Anything else is rethrown,
     * to be the page's error.
     */
    public String refused(RuntimeException e, Locale locale) {
        if (e instanceof Refusal refusal) {
            return said(refusal, locale);
        }
        if (e instanceof DataIntegrityViolationException || e instanceof OptimisticLockingFailureException) {
            return say("pickups.error.concurrent", locale);
        }
        throw e;
    }

    /** The outcome the page's form names, or {@code null} for a bad one. */
    public static PickupOutcome outcome(String raw) {
        if (raw == null || raw.isBlank()) {
            return PickupOutcome.COLLECTED;
        }
        try {
            return PickupOutcome.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
