package cn.jiyun.integrations.wechat;

import cn.jiyun.integrations.CanonicalOrder;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.IntakeOutcome;
import cn.jiyun.integrations.OrderIntake;
import cn.jiyun.integrations.Platform;
import cn.jiyun.integrations.ShopAccount;
import cn.jiyun.integrations.ShopAccounts;
import cn.jiyun.integrations.TokenGrant;
import cn.jiyun.integrations.sync.MessageIdStores;
import cn.jiyun.integrations.testing.InMemoryIntake;
import cn.jiyun.integrations.testing.InMemoryShopAccounts;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The smallest application that runs the WeChat routes: fulfillment's intake and shop accounts replaced by
 * the in-memory fakes, behind delegates each test can start afresh without a new Spring context.
 */
@SpringBootApplication
public class WechatTestApplication {

    /** A message id containing this makes the message-id store fail. */
    public static final String FAIL_ON_CUE = "store_unavailable";

    /** Overrides the connectors' in-memory message ids, to show they can be replaced and to make them fail on cue. */
    @Bean
    MessageIdStores failingOnCueMessageIds() {
        IdempotentRepository ids = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                if (key.contains(FAIL_ON_CUE)) {
                    throw new IllegalStateException("message-id store unavailable");
                }
                return super.add(key);
            }
        };
        return platform -> ids;
    }

    @Bean
    FreshIntake intake() {
        return new FreshIntake();
    }

    @Bean
    FreshShopAccounts shopAccounts() {
        return new FreshShopAccounts();
    }

    /** An {@link InMemoryIntake} that a test can replace with an empty one. */
    public static class FreshIntake implements OrderIntake {
        private volatile InMemoryIntake current = new InMemoryIntake();

        public InMemoryIntake reset() {
            current = new InMemoryIntake();
            return current;
        }

        public InMemoryIntake current() {
            return current;
        }

        @Override
        public IntakeOutcome receive(CanonicalOrder order) {
            return current.receive(order);
        }

        @Override
        public void deadLetter(DeadLetter letter) {
            current.deadLetter(letter);
        }
    }

    /** An {@link InMemoryShopAccounts} that a test can replace with an empty one. */
    public static class FreshShopAccounts implements ShopAccounts {
        private volatile InMemoryShopAccounts current = new InMemoryShopAccounts();

        public InMemoryShopAccounts reset() {
            current = new InMemoryShopAccounts();
            return current;
        }

        public InMemoryShopAccounts current() {
            return current;
        }

        @Override
        public List<ShopAccount> activeShops(Platform platform) {
            return current.activeShops(platform);
        }

        @Override
        public Optional<ShopAccount> find(Platform platform, String shopId) {
            return current.find(platform, shopId);
        }

        @Override
        public void tokensRefreshed(Platform platform, String shopId, TokenGrant grant) {
            current.tokensRefreshed(platform, shopId, grant);
        }

        @Override
        public void authorisationRevoked(Platform platform, String shopId, String reason) {
            current.authorisationRevoked(platform, shopId, reason);
        }

        @Override
        public void advanceSyncCursor(Platform platform, String shopId, Instant cursor) {
            current.advanceSyncCursor(platform, shopId, cursor);
        }
    }
}
