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

/** One line of an order: a platform SKU, how many, for how much (fen). */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    // from a sequence, 50 at a time, so that a page of new orders is inserted in JDBC batches
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_seq")
    @SequenceGenerator(name = "order_line_seq", sequenceName = "order_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "platform_sku", nullable = false)
    private String platformSku;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "amount_fen", nullable = false)
    private long amountFen;

    protected OrderLine() {
    }

    OrderLine(Order order, int seq, String platformSku, String title, int quantity, long amountFen) {
        this.order = order;
        this.seq = seq;
        this.platformSku = platformSku;
        this.title = title;
        this.quantity = quantity;
        this.amountFen = amountFen;
    }

    public String platformSku() {
        return platformSku;
    }

    public String title() {
        return title;
    }

    public int quantity() {
        return quantity;
    }

    public long amountFen() {
        return amountFen;
    }

    int seq() {
        return seq;
    }
}
