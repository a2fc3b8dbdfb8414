package cn.jiyun.integrations;

import java.util.Locale;

/** The sales channels orders come from, named as the API names them. */
public enum Platform {
    DOUYIN("Douyin"),
    KUAISHOU("Kuaishou"),
    WECHAT("WeChat"),
    /** CSV or XLSX uploads: WeChat-group and offline sales. */
    SPREADSHEET("spreadsheet");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    /** The platform's name as logs and dead-letter reasons write it, e.g. {@code WeChat}. */
    public String displayName() {
        return displayName;
    }

    /** The lower-case name its settings, routes and webhook path use, e.g. {@code wechat}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
