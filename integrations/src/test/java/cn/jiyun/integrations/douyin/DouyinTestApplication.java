package cn.jiyun.integrations.douyin;

import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneOffset;

/** The smallest application the Douyin auto-configuration runs in: in-memory intake and shops, a fixed clock. */
@SpringBootApplication
class DouyinTestApplication {

    @Bean
    InMemoryIntake orderIntake() {
        return new InMemoryIntake();
    }

    @Bean
    InMemoryShopAccounts shopAccounts() {
        return new InMemoryShopAccounts();
    }

    @Bean
    Clock clock() {
        return Clock.fixed(DouyinFixtures.NOW, ZoneOffset.UTC);
    }
}
