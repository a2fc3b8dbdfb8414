package cn.jiyun.fulfillment.pickups;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.orders.OrderStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * A scan or confirmation refused, with its message key in the pickups bundle: the pages say it in
 * the user's language, the API in English.
 */
public interface Refusal {

    String key();

    Object[] args();

    /** A request naming something wrong: an unknown code, a blank waybill. */
    final class Invalid extends InvalidFieldException implements Refusal {
        private final String key;
        private final transient Object[] args;

        Invalid(String field, String english, String key, Object[] args) {
            super(field, english);
            this.key = key;
            this.args = args;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Object[] args() {
            return args.clone();
        }
    }

    /** A request that clashes with what is already recorded. */
    final class Conflict extends ConflictException implements Refusal {
        private final String key;
        private final transient Object[] args;

        Conflict(String english, String key, Object[] args) {
            super(english);
            this.key = key;
            this.args = args;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Object[] args() {
            return args.clone();
        }
    }

    /** Makes refusals from the bundle's keys. */
    @Component
    class Refusals {

        private final MessageSource messages;

        Refusals(MessageSource messages) {
            this.messages = messages;
        }

        Invalid invalid(String field, String key, Object... args) {
            return new Invalid(field, messages.getMessage(key, args, Locale.ENGLISH), key, args);
        }

        Conflict conflict(String key, Object... args) {
            return new Conflict(messages.getMessage(key, args, Locale.ENGLISH), key, args);
        }

        /** An order status as the pages name it, to put in a refusal. */
        static MessageSourceResolvable said(OrderStatus status) {
            return new DefaultMessageSourceResolvable(new String[]{"status." + status.name()}, status.name());
        }

        /** A pickup outcome as the pages name it, to put in a refusal. */
        static MessageSourceResolvable said(PickupOutcome outcome) {
            return new DefaultMessageSourceResolvable(new String[]{"pickups.outcome." + outcome.name()},
                    outcome.name());
        }
    }
}
