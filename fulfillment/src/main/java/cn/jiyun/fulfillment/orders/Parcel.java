package cn.jiyun.fulfillment.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** What a courier collects for an order at one producer: one labelled package with its code. */
@Entity
@Table(name = "parcel")
public class Parcel {

    @Id
    // from a sequence, 50 at a time, so that a page of new orders is inserted in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parcel_seq")
    @SequenceGenerator(name = "parcel_seq", sequenceName = "parcel_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "producer_id", nullable = false)
    private Long producerId;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(name = "weight_grams", nullable = false)
    private int weightGrams;

    @Column(name = "volume_ml", nullable = false)
    private int volumeMl;

    @Column(nullable = false)
    private boolean chilled;

    protected Parcel() {
    }

    Parcel(Order order, Long producerId, String code, int weightGrams, int volumeMl, boolean chilled) {
        if (weightGrams <= 0 || volumeMl <= 0) {
            throw new IllegalArgumentException("a parcel must weigh and take up something");
        }
        this.order = order;
        this.producerId = producerId;
        this.code = code;
        this.weightGrams = weightGrams;
        this.volumeMl = volumeMl;
        this.chilled = chilled;
    }

    public Long id() {
        return id;
    }

    public Long orderId() {
        return order.id();
    }

    public Long producerId() {
        return producerId;
    }

    public String code() {
        return code;
    }

    public int weightGrams() {
        return weightGrams;
    }

    public int volumeMl() {
        return volumeMl;
    }

    public boolean chilled() {
        return chilled;
    }
}
