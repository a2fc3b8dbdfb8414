package cn.jiyun.fulfillment.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first operator, and the first cooperative and admin, of a store that has none yet. Nothing is created unless
 * all of its settings are set: there is no default password outside the embedded demo. The operator then opens
 * further cooperatives through {@code POST /api/cooperatives}.
 */
@ConfigurationProperties("jiyun.bootstrap")
public record BootstrapProperties(String cooperativeName, String adminUsername, String adminPassword,
                                  String operatorUsername, String operatorPassword) {

    boolean complete() {
        return notBlank(cooperativeName) && notBlank(adminUsername) && notBlank(adminPassword);
    }

    boolean operatorComplete() {
        return notBlank(operatorUsername) && notBlank(operatorPassword);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
