package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.errors.SortableBy;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.users.UserAdministration;
import cn.jiyun.fulfillment.users.UserAdministration.Issued;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A cooperative admin's users: add, edit, disable, reset (only admins reach {@code /api/users}). */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping
    PagedModel<UserView> list(@AuthenticationPrincipal JiyunUser user,
                              @SortableBy({"id", "username", "displayName", "role"}) Pageable pageable) {
        return new PagedModel<>(users.list(user.cooperativeId(), pageable).map(this::view));
    }

    @GetMapping("/{id}")
    UserView get(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        return view(users.get(user.cooperativeId(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a user with a one-time password (shown once) to be replaced at the first login")
    UserView add(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody UserRequests.NewUser request) {
        Issued issued = users.add(user.cooperativeId(), request.username(), request.displayName().strip(),
                request.role(), request.shops(), request.vehicles());
        return UserView.of(issued.user(), null, issued.oneTimePassword());
    }

    @PutMapping("/{id}")
    UserView update(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id,
                    @Valid @RequestBody UserRequests.UserChange request) {
        return view(users.update(user.cooperativeId(), user.userId(), id, request.displayName().strip(),
                request.enabled()));
    }

    private UserView view(AppUser user) {
        return UserView.of(user, users.lockedUntil(user).orElse(null));
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "A new one-time password (shown once) for a user who forgot theirs")
    UserView reset(@AuthenticationPrincipal JiyunUser user, @PathVariable Long id) {
        Issued issued = users.resetPassword(user.cooperativeId(), id);
        return UserView.of(issued.user(), null, issued.oneTimePassword());
    }
}
