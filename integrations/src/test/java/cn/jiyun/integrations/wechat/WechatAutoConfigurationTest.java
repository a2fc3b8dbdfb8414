package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.PlatformConnector;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.sync.PlatformRoutes;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** WeChat Channels starts with what its API calls need; the webhook's two secrets come together or not at all. */
class WechatAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WechatAutoConfiguration.class))
            .withBean(OrderIntake.class, InMemoryIntake::new)
            .withBean(ShopAccounts.class, InMemoryShopAccounts::new)
            .withPropertyValues("jiyun.platforms.wechat.base-url=https://api.weixin.qq.com",
                    "jiyun.platforms.wechat.app-id=" + WechatFixtures.APP_ID,
                    "jiyun.platforms.wechat.app-secret=" + WechatFixtures.APP_SECRET);

    @Test
    void pollsWithoutTheWebhookSecrets() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app).hasSingleBean(PlatformConnector.class).hasSingleBean(PlatformRoutes.class);
        });
    }

    @Test
    void refusesToStartWithOnlyOneOfTheTwoAndNamesTheOther() {
        context.withPropertyValues("jiyun.platforms.wechat.token=" + WechatFixtures.TOKEN).run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause()
                    .hasMessageContaining("jiyun.platforms.wechat.encoding-aes-key is missing");
        });
    }

    @Test
    void takesPushesWithBoth() {
        context.withPropertyValues("jiyun.platforms.wechat.token=" + WechatFixtures.TOKEN,
                "jiyun.platforms.wechat.encoding-aes-key=" + WechatFixtures.AES_KEY)
                .run(app -> assertThat(app).hasNotFailed().hasSingleBean(PlatformRoutes.class));
    }
}
