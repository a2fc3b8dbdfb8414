package cn.jiyun.fulfillment.producers;

import cn.jiyun.fulfillment.cooperatives.ServiceAreas;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.fulfillment.errors.NotFoundException;
import cn.jiyun.fulfillment.hubs.Hub;
import cn.jiyun.fulfillment.hubs.HubService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Registers a cooperative's producers and answers where they are. */
@Service
@Transactional
public class ProducerService {

    /** A producer with its distance to a hub. */
    public record NearHub(Producer producer, long hubId, double metres) {
    }

    private final Producers producers;
    private final ProducerProximity proximity;
    private final HubService hubs;
    private final ServiceAreas serviceAreas;

    ProducerService(Producers producers, ProducerProximity proximity, HubService hubs, ServiceAreas serviceAreas) {
        this.producers = producers;
        this.proximity = proximity;
        this.hubs = hubs;
        this.serviceAreas = serviceAreas;
    }

    @Transactional(readOnly = true)
    public Page<Producer> list(Long cooperativeId, String countyCode, Pageable pageable) {
        return countyCode == null
                ? producers.findByCooperativeId(cooperativeId, pageable)
                : producers.findByCooperativeIdAndCountyCode(cooperativeId, countyCode, pageable);
    }

    /** The cooperative's producers whose name or phone contains {@code text} (all of them when it is blank). */
    @Transactional(readOnly = true)
    public Page<Producer> search(Long cooperativeId, String text, Pageable pageable) {
        return text == null || text.isBlank()
                ? producers.findByCooperativeId(cooperativeId, pageable)
                : producers.search(cooperativeId, text.strip(), pageable);
    }

    /** Producers within {@code km} of one of the cooperative's hubs, nearest first. */
    @Transactional(readOnly = true)
    public Page<NearHub> nearHub(Long cooperativeId, Long hubId, double km, Pageable pageable) {
        if (!(km > 0) || km > 500) {
            throw new InvalidFieldException("withinKm", "must be more than 0 and at most 500 km");
        }
        Hub hub = hubs.get(cooperativeId, hubId);
        List<ProducerProximity.Distance> distances =
                proximity.withinKm(hub, km, pageable.getPageSize(), pageable.getOffset());
        Map<Long, Producer> byId = byId(cooperativeId, distances);
        List<NearHub> content = distances.stream()
                .map(d -> new NearHub(byId.get(d.producerId()), d.hubId(), d.metres()))
                .toList();
        return new PageImpl<>(content, pageable, proximity.countWithinKm(hub, km));
    }

    /** The nearest hub of each given producer. */
    @Transactional(readOnly = true)
    public Map<Long, ProducerProximity.Distance> nearestHubs(Long cooperativeId, List<Long> producerIds) {
        return proximity.nearestHubs(cooperativeId, producerIds).stream()
                .collect(Collectors.toMap(ProducerProximity.Distance::producerId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Producer get(Long cooperativeId, Long producerId) {
        return find(cooperativeId, producerId).orElseThrow(() -> new NotFoundException("producer", producerId));
    }

    /** The cooperative's producers of these ids; ids of none of its producers are left out. */
    @Transactional(readOnly = true)
    public List<Producer> byIds(Long cooperativeId, Collection<Long> producerIds) {
        return producers.findByCooperativeIdAndIdIn(cooperativeId, producerIds);
    }

    /** These producers, whichever cooperative keeps them; ids of no producer are left out. */
    @Transactional(readOnly = true)
    public List<Producer> byIds(Collection<Long> producerIds) {
        return producers.findAllById(producerIds);
    }

    /** The cooperative's producer of this id, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Producer> find(Long cooperativeId, Long producerId) {
        return producers.findByIdAndCooperativeId(producerId, cooperativeId);
    }

    public Producer create(Long cooperativeId, ProducerDetails details) {
        return create(cooperativeId, details, false);
    }

    /** Creates a producer; {@code synthetic} marks demo producers that are not real farms. */
    public Producer create(Long cooperativeId, ProducerDetails details, boolean synthetic) {
        serviceAreas.requireServed(cooperativeId, details.location(), "location", "producer");
        try {
            return producers.save(new Producer(cooperativeId, details, synthetic));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pickupWindows", e.getMessage());
        }
    }

    public Producer update(Long cooperativeId, Long producerId, ProducerDetails details) {
        Producer producer = get(cooperativeId, producerId);
        serviceAreas.requireServed(cooperativeId, details.location(), "location", "producer");
        try {
            producer.update(details);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pickupWindows", e.getMessage());
        }
        return producer;
    }

    private Map<Long, Producer> byId(Long cooperativeId, List<ProducerProximity.Distance> distances) {
        return producers.findByCooperativeIdAndIdIn(cooperativeId,
                        distances.stream().map(ProducerProximity.Distance::producerId).toList())
                .stream().collect(Collectors.toMap(Producer::id, Function.identity()));
    }
}
