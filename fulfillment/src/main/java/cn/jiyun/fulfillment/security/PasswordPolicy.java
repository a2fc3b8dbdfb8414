package cn.jiyun.fulfillment.security;

import cn.jiyun.fulfillment.errors.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be, as current guidance (NIST SP 800-63B) has it: long enough, not a known common password,
 * not the username, not one character repeated or a keyboard run; no rules about which kinds of character. The
 * passwords themselves are stored with Spring Security's delegating encoder (bcrypt today), never in clear.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy(@Value("${jiyun.security.common-passwords:classpath:cn/jiyun/fulfillment/security/common-passwords.txt}")
                   Resource list) {
        this.common = read(list);
    }

    /** Refuses {@code password} for {@code username}, naming {@code field} and saying what is wrong. */
    public void check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidFieldException(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            throw new InvalidFieldException(field, "is one of the most common passwords; choose another");
        }
        if (username != null && folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(field, "must not contain the username");
        }
        if (password.codePoints().distinct().count() <= 2 || isRun(folded)) {
            throw new InvalidFieldException(field, "is too easy to guess (a repeated character or a run)");
        }
    }

    /** Each character one more, or one less, than the one before: 3456789012, abcdefghij, jihgfedcba. */
    private static boolean isRun(String password) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < password.length(); i++) {
            int step = password.charAt(i) - password.charAt(i - 1);
            if (step == 1 || step == -9) {
                up++;
            } else if (step == -1 || step == 9) {
                down++;
            }
        }
        return up == password.length() - 1 || down == password.length() - 1;
    }

    private static Set<String> read(Resource list) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("jiyun.security.common-passwords: cannot read " + list, e);
        }
        return Set.copyOf(words);
    }
}
