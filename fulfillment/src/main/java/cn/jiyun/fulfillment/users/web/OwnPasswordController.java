package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.security.AppUser;
import cn.jiyun.fulfillment.security.FirstPasswordGuard;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.users.UserAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Everyone's own password: {@code PUT /api/me/password}, and the page {@code /password}. */
@Controller
@Tag(name = "Users")
class OwnPasswordController {

    private final UserAdministration users;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    OwnPasswordController(UserAdministration users) {
        this.users = users;
    }

    @PutMapping(FirstPasswordGuard.API_PATH)
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changes your own password (the first thing to do after an invitation or a reset)")
    void change(@AuthenticationPrincipal JiyunUser user, @Valid @RequestBody UserRequests.PasswordChange request) {
        users.changeOwnPassword(user.userId(), request.currentPassword(), request.newPassword());
    }

    @GetMapping(FirstPasswordGuard.PAGE_PATH)
    String form(@AuthenticationPrincipal JiyunUser user, Model model) {
        model.addAttribute("mustChange", user.mustChangePassword());
        return "password";
    }

    @PostMapping(FirstPasswordGuard.PAGE_PATH)
    String change(@AuthenticationPrincipal JiyunUser user, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String newPassword, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            AppUser changed = users.changeOwnPassword(user.userId(), currentPassword, newPassword);
            // the session's login no longer needs a change: replace it with the user as they are now
            JiyunUser now = JiyunUser.of(changed, true);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now, null,
                    now.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
            return "redirect:/?password=changed";
        } catch (InvalidFieldException refusal) {
            model.addAttribute("mustChange", user.mustChangePassword());
            model.addAttribute("errorField", refusal.field());
            model.addAttribute("error", refusal.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "password";
        }
    }
}
