package cn.jiyun.fulfillment.admin;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * What came of an admin's action, shown once on the page they are sent back to: a message key of
 * the admin bundle with its arguments; {@code error} when the action was refused.
 */
public record Notice(String code, List<Object> args, boolean error) {

    public static final String ATTRIBUTE = "notice";

    public Notice {
        args = List.copyOf(args);
    }

    public static void done(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute(ATTRIBUTE, new Notice(code, List.of(args), false));
    }

    public static void refused(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute(ATTRIBUTE, new Notice(code, List.of(args), true));
    }

    /** The arguments as the template's message lookup takes them. */
    public Object[] argArray() {
        return args.toArray();
    }
}
