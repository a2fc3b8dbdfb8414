package cn.jiyun.fulfillment.producers;

import cn.jiyun.fulfillment.store.Audited;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A farm or workshop that sells through the cooperative and hands parcels to its couriers. */
@Entity
@Table(name = "producer")
public class Producer extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    private Long cooperativeId;

    @Column(nullable = false)
    private String name;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private String address;

    @Column(name = "county_code", nullable = false)
    private String countyCode;

    @Column(nullable = false)
    private Point location;

    @Column(name = "ships_chilled", nullable = false)
    private boolean shipsChilled;

    @Column(nullable = false, updatable = false)
    private boolean synthetic;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "producer_pickup_window", joinColumns = @JoinColumn(name = "producer_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 100)
    private List<PickupWindow> pickupWindows = new ArrayList<>();

    protected Producer() {
    }

    public Producer(Long cooperativeId, ProducerDetails details, boolean synthetic) {
        this.cooperativeId = cooperativeId;
        this.synthetic = synthetic;
        update(details);
    }

    public final void update(ProducerDetails details) {
        List<PickupWindow> windows = details.pickupWindows().stream()
                .sorted(Comparator.comparing(PickupWindow::startsAt)).toList();
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i - 1).overlaps(windows.get(i))) {
                throw new IllegalArgumentException("pickup windows overlap");
            }
        }
        this.name = details.name();
        this.contactName = details.contactName();
        this.phone = details.phone();
        this.address = details.address();
        this.countyCode = details.countyCode();
        this.location = details.location();
        this.shipsChilled = details.shipsChilled();
        this.pickupWindows.clear();
        this.pickupWindows.addAll(windows);
    }

    public Long id() {
        return id;
    }

    public Long cooperativeId() {
        return cooperativeId;
    }

    public String name() {
        return name;
    }

    public String contactName() {
        return contactName;
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public String countyCode() {
        return countyCode;
    }

    public Point location() {
        return location;
    }

    public boolean shipsChilled() {
        return shipsChilled;
    }

    public boolean synthetic() {
        return synthetic;
    }

    public List<PickupWindow> pickupWindows() {
        return List.copyOf(pickupWindows);
    }
}
