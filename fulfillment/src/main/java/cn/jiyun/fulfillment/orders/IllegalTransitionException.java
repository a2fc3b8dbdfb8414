package cn.jiyun.fulfillment.orders;

import cn.jiyun.fulfillment.errors.ConflictException;

import java.util.stream.Collectors;

/** An order was asked to move to a status that cannot follow its current one. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(String platformOrderId, OrderStatus from, OrderStatus to) {
        super("order " + platformOrderId + " cannot go from " + from + " to " + to
                + (from.isFinal() ? " (" + from + " is final)"
                : "; from " + from + " it can go to " + from.next().stream().sorted().map(Enum::name)
                .collect(Collectors.joining(", "))));
    }
}
