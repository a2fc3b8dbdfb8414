package cn.jiyun.fulfillment.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether to load the demo cooperative into an empty store, and how big to make it.
 *
 * @param enabled   load it (the embedded default does; the postgis profile does not)
 * @param producers how many synthetic producers
 * @param orders    how many orders awaiting pickup
 * @param seed      the random seed, so every fresh demo looks the same
 */
@ConfigurationProperties("jiyun.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("300") int producers,
                             @DefaultValue("1200") int orders, @DefaultValue("2026") long seed) {
}
