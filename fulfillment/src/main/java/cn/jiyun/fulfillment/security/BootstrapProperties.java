package cn.jiyun.fulfillment.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first cooperative and admin of a store that has no users yet. Nothing is created unless
 * all three are set: there is no default password outside the embedded demo.
 */
@ConfigurationProperties("jiyun.bootstrap")
public record BootstrapProperties(String cooperativeName, String adminUsername, String adminPassword) {

    boolean complete() {
        return notBlank(cooperativeName) && notBlank(adminUsername) && notBlank(adminPassword);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
