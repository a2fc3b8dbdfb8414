package cn.jiyun.fulfillment.intake;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Webhook message ids already handled, in the store, so a platform's re-delivery is recognised
 * after a restart and by every instance. One table, one name per platform.
 */
class HandledMessages extends ServiceSupport implements IdempotentRepository {

    private final String name;
    private final JdbcClient jdbc;
    private final Clock clock;

    HandledMessages(String name, JdbcClient jdbc, Clock clock) {
        this.name = name;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean add(String key) {
        try {
            jdbc.sql("INSERT INTO handled_message (repository, message_id, handled_at) VALUES (:r, :m, :at)")
                    .param("r", name).param("m", key).param("at", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM handled_message WHERE repository = :r AND message_id = :m")
                .param("r", name).param("m", key).query(Long.class).single() > 0;
    }

    @Override
    public boolean remove(String key) {
        return jdbc.sql("DELETE FROM handled_message WHERE repository = :r AND message_id = :m")
                .param("r", name).param("m", key).update() > 0;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        jdbc.sql("DELETE FROM handled_message WHERE repository = :r").param("r", name).update();
    }
}
