package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.ShopAccounts;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a platform's auto-configuration builds its connector from: its settings, the windowed sync, and the
 * routes. Holds fulfillment's {@link OrderIntake} and {@link ShopAccounts}, the message-id stores and the clock.
 */
public class ConnectorSkeleton {

    private final Environment environment;
    private final ShopAccounts shops;
    private final OrderIntake intake;
    private final MessageIdStores messageIds;
    private final Clock clock;
    private final Map<Platform, ConnectorSettings> settings = new ConcurrentHashMap<>();

    public ConnectorSkeleton(Environment environment, ShopAccounts shops, OrderIntake intake,
                             MessageIdStores messageIds, Clock clock) {
        this.environment = environment;
        this.shops = shops;
        this.intake = intake;
        this.messageIds = messageIds;
        this.clock = clock;
    }

    /** The platform's {@link ConnectorSettings}, with its own defaults where they differ from the common ones. */
    public ConnectorSettings settings(Platform platform, Map<String, String> platformDefaults) {
        return settings.computeIfAbsent(platform, p -> ConnectorSettings.bind(p, environment, platformDefaults));
    }

    /** @param history how far back the platform serves orders; {@code null} when it does not say */
    public WindowedSync windowedSync(Platform platform, ConnectorSettings settings, Duration history) {
        return new WindowedSync(platform, settings, history, shops, intake, clock);
    }

    public PlatformRoutes routes(ConnectorSettings settings, PlatformConnector connector, PushReader pushes) {
        return new PlatformRoutes(settings, connector, pushes, shops, intake,
                messageIds.forPlatform(connector.platform()), clock);
    }

    public ShopAccounts shops() {
        return shops;
    }

    public Clock clock() {
        return clock;
    }
}
