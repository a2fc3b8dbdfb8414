package cn.jiyun.fulfillment.ewaybills;

import cn.jiyun.fulfillment.audit.AuditKind;
import cn.jiyun.fulfillment.audit.AuditTrail;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.shops.TokenCipher;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A cooperative's e-waybill accounts, kept by its admin: one per platform and carrier, its secret encrypted under
 * the key that encrypts the shop tokens and never shown again.
 */
@Service
@Transactional
public class CarrierAccountService {

    /** A mainland mobile number or a landline with its area code, as the platforms accept for a sender. */
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    /** What an admin enters; a {@code null} secret keeps the stored one, an empty one removes it. */
    public record Details(Platform platform, Carrier carrier, String branchCode, String accountId, String secret,
                          CarrierAccount.Sender sender, boolean active) {
    }

    private final CarrierAccounts accounts;
    private final TokenCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    CarrierAccountService(CarrierAccounts accounts, TokenCipher cipher, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CarrierAccount> list(Long cooperativeId) {
        return accounts.findByCooperativeIdOrderByPlatformAscCarrierAsc(cooperativeId);
    }

    @Transactional(readOnly = true)
    public CarrierAccount get(Long cooperativeId, Long accountId) {
        return accounts.findByIdAndCooperativeId(accountId, cooperativeId)
                .orElseThrow(() -> new NotFoundException("e-waybill account", accountId));
    }

    /** Adds the account of a platform and carrier, or updates the one the cooperative has. */
    public CarrierAccount save(Long cooperativeId, Details details) {
        check(details);
        CarrierAccount account = accounts.findByCooperativeIdAndPlatformAndCarrier(cooperativeId, details.platform(),
                details.carrier()).orElseGet(() -> new CarrierAccount(cooperativeId, details.platform(),
                details.carrier(), clock.instant()));
        apply(account, details);
        return accounts.save(account);
    }

    /** Updates an account by its id; its platform and carrier stay. */
    public CarrierAccount update(Long cooperativeId, Long accountId, Details details) {
        CarrierAccount account = get(cooperativeId, accountId);
        Details same = new Details(account.platform(), account.carrier(), details.branchCode(), details.accountId(),
                details.secret(), details.sender(), details.active());
        check(same);
        apply(account, same);
        return account;
    }

    private void apply(CarrierAccount account, Details details) {
        String secret = details.secret() == null ? null
                : details.secret().isBlank() ? "" : cipher.encrypt(details.secret().strip());
        CarrierAccount.Sender s = details.sender();
        account.update(details.branchCode().strip(), details.accountId().strip(), secret,
                new CarrierAccount.Sender(s.name().strip(), s.mobile().strip(), s.province().strip(),
                        s.city().strip(), s.district().strip(), s.detail().strip()),
                details.active(), clock.instant());
        audit.record(account.cooperativeId(), AuditKind.EWAYBILL_ACCOUNT_SAVED,
                account.platform() + " " + account.carrier() + " account " + account.accountId(),
                "branch " + account.branchCode() + (details.active() ? "" : ", not in use")
                        + (secret == null ? "" : secret.isEmpty() ? ", secret removed" : ", secret set"));
    }

    private static void check(Details details) {
        if (details.platform() == null || details.platform() == Platform.SPREADSHEET) {
            throw new InvalidFieldException("platform", "must be DOUYIN, KUAISHOU or WECHAT: spreadsheet orders "
                    + "have no platform e-waybill");
        }
        if (details.carrier() == null) {
            throw new InvalidFieldException("carrier", "must be one of the carriers, e.g. ZTO");
        }
        required("branchCode", details.branchCode(), 64);
        required("accountId", details.accountId(), 128);
        if (details.secret() != null && details.secret().length() > 500) {
            throw new InvalidFieldException("secret", "must be at most 500 characters");
        }
        CarrierAccount.Sender sender = details.sender();
        if (sender == null) {
            throw new InvalidFieldException("sender", "must name who sends: name, mobile and address");
        }
        required("sender.name", sender.name(), 100);
        required("sender.mobile", sender.mobile(), 20);
        if (!PHONE.matcher(sender.mobile().strip()).matches()) {
            throw new InvalidFieldException("sender.mobile", "must be a mobile number (11 digits starting with 1) "
                    + "or a landline with its area code");
        }
        required("sender.province", sender.province(), 40);
        required("sender.city", sender.city(), 40);
        required("sender.district", sender.district(), 40);
        required("sender.detail", sender.detail(), 200);
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        if (value.strip().length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
    }
}
