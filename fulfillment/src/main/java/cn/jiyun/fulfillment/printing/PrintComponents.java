package cn.jiyun.fulfillment.printing;

import cn.jiyun.integrations.Platform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the hub page finds each platform's print component: a {@code ws://} address on the hub's PC (the
 * platforms' documented defaults), or a path on this service (the sandbox's stand-ins in the demo).
 *
 * @param douyin   Douyin's print component
 * @param kuaishou Kuaishou's
 * @param wechat   WeChat Channels'
 */
@ConfigurationProperties("jiyun.printing.components")
public record PrintComponents(@DefaultValue("ws://127.0.0.1:13888") String douyin,
                              @DefaultValue("ws://localhost:16888/ks/printer") String kuaishou,
                              @DefaultValue("ws://127.0.0.1:12705") String wechat) {

    public PrintComponents {
        check("douyin", douyin);
        check("kuaishou", kuaishou);
        check("wechat", wechat);
    }

    /** The component of a platform that prints e-waybills; empty for a spreadsheet shop's orders. */
    public String of(Platform platform) {
        return switch (platform) {
            case DOUYIN -> douyin;
            case KUAISHOU -> kuaishou;
            case WECHAT -> wechat;
            default -> "";
        };
    }

    /** The origins the pages may connect to for the components on the hub's PC (a path needs none: it is ours). */
    public List<String> origins() {
        List<String> origins = new ArrayList<>();
        for (String url : List.of(douyin, kuaishou, wechat)) {
            if (!url.startsWith("/")) {
                URI uri = URI.create(url);
                String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
        }
        return origins;
    }

    private static void check(String name, String url) {
        boolean path = url != null && url.startsWith("/") && !url.startsWith("//");
        boolean socket = false;
        if (url != null && !path) {
            try {
                URI uri = URI.create(url);
                socket = ("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (IllegalArgumentException malformed) {
                socket = false;
            }
        }
        if (!path && !socket) {
            throw new IllegalArgumentException("jiyun.printing.components." + name + " must be a ws:// or wss:// "
                    + "address such as ws://127.0.0.1:13888, or a path on this service, not " + url);
        }
    }
}
