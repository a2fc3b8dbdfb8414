package cn.jiyun.fulfillment.shops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the key that encrypts shop tokens comes from: {@code jiyun.secrets.token-key} (Base64 of 32
 * bytes; environment JIYUN_TOKEN_KEY), or, on the embedded default only, a key file made once in the
 * data directory. Production without a key does not start: tokens are never stored in clear.
 */
@Configuration
class TokenKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenKeyConfiguration.class);

    @Bean
    TokenCipher tokenCipher(@Value("${jiyun.secrets.token-key:}") String configuredKey,
                            @Value("${jiyun.secrets.key-file-in-data-dir:false}") boolean keyFileAllowed,
                            @Value("${jiyun.data-dir}") String dataDir) {
        if (!configuredKey.isBlank()) {
            return new TokenCipher(Base64.getDecoder().decode(configuredKey.strip()));
        }
        if (!keyFileAllowed) {
            throw new IllegalStateException("No key to encrypt shop tokens: set jiyun.secrets.token-key "
                    + "(environment JIYUN_TOKEN_KEY) to the Base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
        }
        return new TokenCipher(keyFile(Path.of(dataDir, "token.key")));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", file);
            }
            log.info("Created the key that encrypts shop tokens in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + file, e);
        }
    }
}
