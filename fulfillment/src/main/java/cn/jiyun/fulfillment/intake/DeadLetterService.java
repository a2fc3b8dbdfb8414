package cn.jiyun.fulfillment.intake;

import cn.jiyun.fulfillment.errors.ConflictException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.shops.ShopSyncRequested;
import cn.jiyun.fulfillment.shops.ShopService;
import cn.jiyun.integrations.DeadLetter;
import cn.jiyun.integrations.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Keeps what could not be processed, shows it to the cooperative, and lets a person retry or close it. */
@Service
@Transactional
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetterEntries entries;
    private final ShopService shops;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadLetterService(DeadLetterEntries entries, ShopService shops, ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.shops = shops;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a dead letter on its own, whatever happens to the work that found it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public DeadLetterEntry keep(DeadLetter letter) {
        Long cooperativeId = letter.shopId().isEmpty() ? null
                : shops.onPlatform(letter.platform(), letter.shopId())
                .map(s -> s.cooperativeId()).orElse(null);
        log.warn("Dead letter from {} shop '{}' ({}): {}", letter.platform(), letter.shopId(), letter.source(),
                letter.reason());
        return entries.save(new DeadLetterEntry(cooperativeId, letter.platform(), letter.shopId(), letter.source(),
                letter.rawMessage(), letter.reason(), letter.receivedAt()));
    }

    @Transactional(readOnly = true)
    public Page<DeadLetterEntry> list(Long cooperativeId, DeadLetterEntry.Status status, Pageable pageable) {
        return status == null ? entries.findByCooperativeId(cooperativeId, pageable)
                : entries.findByCooperativeIdAndStatus(cooperativeId, status, pageable);
    }

    @Transactional(readOnly = true)
    public DeadLetterEntry get(Long cooperativeId, Long id) {
        return entries.findByIdAndCooperativeId(id, cooperativeId).orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    /**
     * Retries by fetching the shop's orders again from the platform (the source of truth): a message
     * that failed for a passing reason, or for want of a mapping since added, then goes through.
     */
    public DeadLetterEntry retry(Long cooperativeId, Long id) {
        DeadLetterEntry entry = get(cooperativeId, id);
        if (entry.status() == DeadLetterEntry.Status.DISCARDED) {
            throw new ConflictException("dead letter " + id + " was discarded");
        }
        if (entry.platform() == Platform.SPREADSHEET) {
            throw new ConflictException("a spreadsheet row cannot be fetched again: correct it and upload the sheet again");
        }
        entry.retried(clock.instant());
        events.publishEvent(new ShopSyncRequested(entry.platform(), entry.platformShopId()));
        return entry;
    }

    public DeadLetterEntry discard(Long cooperativeId, Long id, String note) {
        DeadLetterEntry entry = get(cooperativeId, id);
        entry.discard(note == null || note.isBlank() ? "discarded" : note.strip());
        return entry;
    }
}
