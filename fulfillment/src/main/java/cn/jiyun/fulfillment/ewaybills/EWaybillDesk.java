package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.orders.Order;
import cn.jiyun.fulfillment.orders.OrderService;
import cn.jiyun.fulfillment.orders.OrderStatus;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.shops.Shop;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.fulfillment.shops.TokenCipher;
import cn.jiyun.integrations.AuthorisationRevokedException;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.EWaybill;
import cn.jiyun.integrations.EWaybillAccount;
import cn.jiyun.integrations.EWaybillIssuer;
import cn.jiyun.integrations.EWaybillRequest;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformException;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's e-waybills: each order at the hub takes its waybill number from its own platform, through the
 * cooperative's account with the carrier, and can void it while the parcel is still at the hub.
 *
 * <p>A take is recorded before the platform is asked (under the request key the platform keeps idempotent),
 * the platform is asked outside any transaction, and the answer is recorded after. Asking again after a failure,
 * a timeout or a crash sends the same key, so the platform answers the number it already took: an order never
 * gets two. Only a cancellation opens a new take under a new key.
 */
@Service
public class EWaybillDesk {

    private static final Logger log = LoggerFactory.getLogger(EWaybillDesk.class);

    /** What a take came to for one order. */
    public enum Outcome {
        /** The platform gave the number now. */
        TAKEN,
        /** Taken before; nothing was asked. */
        ALREADY_TAKEN,
        /** The platform refused or did not answer; {@code reason} says why, {@code retryable} whether to try again. */
        FAILED,
        /** Jiyun did not ask: the order is unknown, not at the hub, or has no account to take it with. */
        NOT_ASKED
    }

    /** One order's answer in a batch. */
    public record TakeAnswer(Long orderId, String platformOrderId, Outcome outcome, Carrier carrier,
                             String waybillNumber, String sortCode, String reason, boolean retryable) {
    }

    private final OrderEWaybills takes;
    private final CarrierAccounts accounts;
    private final OrderService orders;
    private final ShopService shops;
    private final ShopAccounts shopAccounts;
    private final TokenCipher cipher;
    private final Map<Platform, EWaybillIssuer> issuers = new EnumMap<>(Platform.class);
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    EWaybillDesk(OrderEWaybills takes, CarrierAccounts accounts, OrderService orders, ShopService shops,
                 ShopAccounts shopAccounts, TokenCipher cipher, List<EWaybillIssuer> issuers, AuditTrail audit,
                 PlatformTransactionManager transactions, Clock clock) {
        this.audit = audit;
        this.takes = takes;
        this.accounts = accounts;
        this.orders = orders;
        this.shops = shops;
        this.shopAccounts = shopAccounts;
        this.cipher = cipher;
        issuers.forEach(issuer -> this.issuers.put(issuer.platform(), issuer));
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The platforms whose e-waybill service is configured here. */
    public boolean serves(Platform platform) {
        return issuers.containsKey(platform);
    }

    /** Takes the e-waybills of orders at the hub, one by one; each order gets its own answer. */
    public List<TakeAnswer> take(JiyunUser user, List<Long> orderIds, Carrier carrier) {
        List<TakeAnswer> answers = new ArrayList<>();
        for (Long orderId : new LinkedHashSet<>(orderIds)) {
            answers.add(takeOne(user, orderId, carrier));
        }
        return answers;
    }

    private TakeAnswer takeOne(JiyunUser user, Long orderId, Carrier carrier) {
        Prepared prepared;
        try {
            prepared = tx.execute(status -> prepare(user, orderId, carrier));
        } catch (NotAsked refused) {
            return refused.answer;
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException concurrent) {
            // another request opened or asked the same take at this moment: it answers, this one says so
            return new TakeAnswer(orderId, null, Outcome.FAILED, carrier, null, null,
                    "another request is taking this order's e-waybill at this moment; look again in a moment", true);
        }
        if (prepared.answer() != null) {
            return prepared.answer();
        }
        EWaybill waybill = null;
        String failure = null;
        boolean retryable = false;
        try {
            waybill = issuers.get(prepared.platform()).take(prepared.shop(), prepared.request());
        } catch (AuthorisationRevokedException revoked) {
            failure = "the shop's authorisation was refused; re-authorise the shop: " + revoked.getMessage();
        } catch (PlatformException refused) {
            failure = refused.getMessage();
            retryable = refused.retryable();
        } catch (RuntimeException unexpected) {
            failure = "the platform could not be asked: " + unexpected;
            retryable = true;
        }
        EWaybill taken = waybill;
        String why = failure;
        boolean again = retryable;
        return tx.execute(status -> {
            OrderEWaybill take = takes.findById(prepared.takeId()).orElseThrow();
            if (taken != null) {
                take.taken(taken, clock.instant());
                log.info("Took e-waybill {} {} for order {}", take.carrier(), taken.waybillNumber(), orderId);
            } else {
                take.failed(why, again);
                log.warn("E-waybill for order {} not taken ({}): {}", orderId, again ? "retryable" : "refused", why);
            }
            return answer(take, prepared.platformOrderId(), taken != null ? Outcome.TAKEN : Outcome.FAILED);
        });
    }

    /** What the platform is asked, decided and recorded in one transaction. */
    private record Prepared(TakeAnswer answer, Long takeId, Platform platform, String platformOrderId,
                            ShopAccount shop, EWaybillRequest request) {
    }

    /** A take refused before the platform is asked. */
    private static final class NotAsked extends RuntimeException {
        private final transient TakeAnswer answer;

        NotAsked(Long orderId, String platformOrderId, String reason) {
            super(reason, null, false, false);
            this.answer = new TakeAnswer(orderId, platformOrderId, Outcome.NOT_ASKED, null, null, null, reason, false);
        }
    }

    private Prepared prepare(JiyunUser user, Long orderId, Carrier carrier) {
        Order order;
        try {
            order = orders.get(user.cooperativeId(), orderId);
        } catch (NotFoundException e) {
            throw new NotAsked(orderId, null, "no order " + orderId + " in this cooperative");
        }
        Optional<OrderEWaybill> latest = takes.findFirstByCooperativeIdAndOrderIdOrderByTakeNumberDesc(
                user.cooperativeId(), orderId);
        if (latest.isPresent() && latest.get().status() == OrderEWaybill.Status.TAKEN) {
            return new Prepared(answer(latest.get(), order.platformOrderId(), Outcome.ALREADY_TAKEN), null, null,
                    null, null, null);
        }
        if (order.status() != OrderStatus.AT_HUB) {
            throw new NotAsked(orderId, order.platformOrderId(), "order " + order.platformOrderId() + " is "
                    + order.status() + ", not AT_HUB: e-waybills are taken for orders at the hub");
        }
        if (!issuers.containsKey(order.platform())) {
            throw new NotAsked(orderId, order.platformOrderId(), order.platform().displayName()
                    + " has no e-waybill service configured here; hand it over with the carrier's own waybill number");
        }
        CarrierAccount account = account(user.cooperativeId(), order, carrier, latest);
        OrderEWaybill take;
        if (latest.isPresent() && latest.get().status() != OrderEWaybill.Status.CANCELLED) {
            take = latest.get();
            if (take.carrier() != account.carrier()) {
                // the platform may hold a number under this key with the first carrier: ask with that one
                account = accounts.findById(take.accountId()).orElse(account);
            }
            take.asked(account, user.getUsername(), clock.instant());
        } else {
            int next = latest.map(t -> t.takeNumber() + 1).orElse(1);
            take = new OrderEWaybill(user.cooperativeId(), orderId, next, order.platform(), account,
                    user.getUsername(), clock.instant());
        }
        take = takes.saveAndFlush(take);
        Shop shop = shops.get(user.cooperativeId(), order.shopId());
        ShopAccount shopAccount = shopAccounts.find(shop.platform(), shop.platformShopId()).orElseThrow(
                () -> new NotAsked(orderId, order.platformOrderId(), "the order's shop is not registered"));
        CarrierAccount.Sender sender = account.sender();
        EWaybillRequest request = new EWaybillRequest(take.requestKey(), take.takeNumber(), order.platformOrderId(),
                contract(account),
                new EWaybillRequest.Sender(sender.name(), sender.mobile(), sender.province(), sender.city(),
                        sender.district(), sender.detail()),
                order.rawPayload(),
                order.lines().stream().map(l -> new EWaybillRequest.Item(l.title(), l.quantity())).toList());
        return new Prepared(null, take.id(), order.platform(), order.platformOrderId(), shopAccount, request);
    }

    /** The account a take uses: the one named by carrier, else the platform's only active one. */
    private CarrierAccount account(Long cooperativeId, Order order, Carrier carrier, Optional<OrderEWaybill> latest) {
        if (carrier == null && latest.isPresent() && latest.get().status() != OrderEWaybill.Status.CANCELLED) {
            carrier = latest.get().carrier();
        }
        List<CarrierAccount> active = accounts.findByCooperativeIdAndPlatformAndActiveTrueOrderByIdAsc(cooperativeId,
                order.platform());
        if (carrier != null) {
            Carrier wanted = carrier;
            return active.stream().filter(a -> a.carrier() == wanted).findFirst().orElseThrow(() -> new NotAsked(
                    order.id(), order.platformOrderId(), "no active " + order.platform().displayName()
                    + " e-waybill account for " + wanted + "; add one under /admin/e-waybill-accounts"));
        }
        if (active.isEmpty()) {
            throw new NotAsked(order.id(), order.platformOrderId(), "no active " + order.platform().displayName()
                    + " e-waybill account; add one under /admin/e-waybill-accounts");
        }
        if (active.size() > 1) {
            throw new NotAsked(order.id(), order.platformOrderId(), "several " + order.platform().displayName()
                    + " e-waybill accounts; name the carrier");
        }
        return active.get(0);
    }

    private EWaybillAccount contract(CarrierAccount account) {
        String secret = account.secretCipher() == null ? "" : cipher.decrypt(account.secretCipher());
        return new EWaybillAccount(account.carrier(), account.branchCode(), account.accountId(), secret);
    }

    /** Voids the order's e-waybill at the platform while the parcel is still at the hub. */
    public OrderEWaybill cancel(JiyunUser user, Long orderId) {
        record Cancel(OrderEWaybill take, ShopAccount shop, EWaybillAccount account) {
        }
        Cancel cancel = tx.execute(status -> {
            Order order = orders.get(user.cooperativeId(), orderId);
            OrderEWaybill take = current(user.cooperativeId(), orderId)
                    .filter(t -> t.status() == OrderEWaybill.Status.TAKEN)
                    .orElseThrow(() -> new ConflictException("order " + order.platformOrderId()
                            + " has no e-waybill taken to cancel"));
            if (order.status() != OrderStatus.AT_HUB) {
                throw new ConflictException("order " + order.platformOrderId() + " is " + order.status()
                        + ": its e-waybill " + take.waybillNumber() + " can only be voided while it is at the hub");
            }
            Shop shop = shops.get(user.cooperativeId(), order.shopId());
            ShopAccount shopAccount = shopAccounts.find(shop.platform(), shop.platformShopId()).orElseThrow();
            return new Cancel(take, shopAccount, contract(accounts.findById(take.accountId()).orElseThrow()));
        });
        try {
            issuers.get(cancel.take().platform()).cancel(cancel.shop(), cancel.account(),
                    cancel.take().waybillNumber(), cancel.take().platformReference());
        } catch (PlatformException refused) {
            throw new ConflictException("the platform did not void e-waybill " + cancel.take().waybillNumber() + ": "
                    + refused.getMessage());
        }
        return tx.execute(status -> {
            OrderEWaybill take = takes.findById(cancel.take().id()).orElseThrow();
            take.cancelled(user.getUsername(), clock.instant());
            audit.record(user.cooperativeId(), AuditKind.EWAYBILL_CANCELLED, "order " + orderId,
                    take.carrier() + " " + take.waybillNumber());
            log.info("Voided e-waybill {} of order {}", take.waybillNumber(), orderId);
            return take;
        });
    }

    /** The order's latest take, if any. */
    public Optional<OrderEWaybill> current(Long cooperativeId, Long orderId) {
        return takes.findFirstByCooperativeIdAndOrderIdOrderByTakeNumberDesc(cooperativeId, orderId);
    }

    /** The latest take of each of these orders that has one. */
    public Map<Long, OrderEWaybill> current(Long cooperativeId, List<Long> orderIds) {
        Map<Long, OrderEWaybill> latest = new java.util.HashMap<>();
        if (!orderIds.isEmpty()) {
            takes.findByCooperativeIdAndOrderIdInOrderByOrderIdAscTakeNumberAsc(cooperativeId, orderIds)
                    .forEach(take -> latest.put(take.orderId(), take));
        }
        return latest;
    }

    private static TakeAnswer answer(OrderEWaybill take, String platformOrderId, Outcome outcome) {
        return new TakeAnswer(take.orderId(), platformOrderId, outcome, take.carrier(), take.waybillNumber(),
                take.sortCode(), take.reason(), take.retryable());
    }
}
