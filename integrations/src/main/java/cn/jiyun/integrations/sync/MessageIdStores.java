package cn.jiyun.integrations.sync;

import cn.jiyun.integrations.Platform;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Where each platform's webhook keeps the message ids it has handled. The default keeps them in memory;
 * an application running several instances (or wanting re-deliveries recognised after a restart)
 * provides one bean of this type.
 */
@FunctionalInterface
public interface MessageIdStores {

    IdempotentRepository forPlatform(Platform platform);
}
