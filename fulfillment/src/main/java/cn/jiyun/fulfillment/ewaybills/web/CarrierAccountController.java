package cn.jiyun.fulfillment.ewaybills.web;

import cn.jiyun.fulfillment.ewaybills.CarrierAccount;
import cn.jiyun.fulfillment.ewaybills.CarrierAccountService;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The cooperative's e-waybill accounts with the carriers, per platform. The secret goes in and never comes out. */
@RestController
@RequestMapping("/api/e-waybill-accounts")
@Tag(name = "Hubs")
class CarrierAccountController {

    /** An account as the admin enters it. */
    record AccountBody(@NotNull Platform platform, @NotNull Carrier carrier,
                       @Schema(description = "the carrier's branch (网点) code") String branchCode,
                       @Schema(description = "the account, customer code or subscription id the platform issued")
                       String accountId,
                       @Schema(description = "the account's secret, where the carrier wants one; left out keeps the "
                               + "stored one, empty removes it") String secret,
                       @NotNull CarrierAccount.Sender sender,
                       @Schema(description = "false keeps the account without using it; default true") Boolean active) {
        CarrierAccountService.Details details() {
            return new CarrierAccountService.Details(platform, carrier, branchCode, accountId, secret, sender,
                    active == null || active);
        }
    }

    /** An account as it is shown: never its secret. */
    record AccountView(Long id, Platform platform, Carrier carrier, String branchCode, String accountId,
                       boolean hasSecret, CarrierAccount.Sender sender, boolean active, Instant updatedAt) {
        static AccountView of(CarrierAccount a) {
            return new AccountView(a.id(), a.platform(), a.carrier(), a.branchCode(), a.accountId(), a.hasSecret(),
                    a.sender(), a.active(), a.updatedAt());
        }
    }

    private final CarrierAccountService accounts;

    CarrierAccountController(CarrierAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountView> list(@AuthenticationPrincipal JiyunUser user) {
        return accounts.list(user.cooperativeId()).stream().map(AccountView::of).toList();
    }

    @GetMapping("/{id}")
    AccountView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return AccountView.of(accounts.get(user.cooperativeId(), id));
    }

    @PostMapping
    @Operation(summary = "Add the account of a platform and carrier, or update the one the cooperative has")
    AccountView save(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody AccountBody body) {
        return AccountView.of(accounts.save(user.cooperativeId(), body.details()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update an account; its platform and carrier stay as they are")
    AccountView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                       @Valid @RequestBody AccountBody body) {
        return AccountView.of(accounts.update(user.cooperativeId(), id, body.details()));
    }
}
