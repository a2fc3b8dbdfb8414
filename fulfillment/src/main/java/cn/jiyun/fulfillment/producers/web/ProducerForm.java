package cn.jiyun.fulfillment.producers.web;

import cn.jiyun.fulfillment.admin.PositionForm;
import cn.jiyun.fulfillment.producers.PickupWindow;
import cn.jiyun.fulfillment.producers.Producer;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer form of the admin pages, field for field the {@link ProducerRequest} it becomes, so
 * the request's checks land next to the right inputs. Mutable, as a plain HTML form binds it.
 */
public class ProducerForm {

    /** Pickup-window rows the form offers; blank rows are ignored. */
    static final int WINDOW_ROWS = 3;

    private String name;
    private String contactName;
    private String phone;
    private String address;
    private String countyCode;
    private PositionForm location = new PositionForm();
    private boolean shipsChilled;
    private List<Window> pickupWindows = new ArrayList<>();

    /** One daily pickup window, local time. */
    public static class Window {
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
        private LocalTime startsAt;
        @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
        private LocalTime endsAt;

        public Window() {
        }

        Window(LocalTime startsAt, LocalTime endsAt) {
            this.startsAt = startsAt;
            this.endsAt = endsAt;
        }

        boolean blank() {
            return startsAt == null && endsAt == null;
        }

        public LocalTime getStartsAt() {
            return startsAt;
        }

        public void setStartsAt(LocalTime startsAt) {
            this.startsAt = startsAt;
        }

        public LocalTime getEndsAt() {
            return endsAt;
        }

        public void setEndsAt(LocalTime endsAt) {
            this.endsAt = endsAt;
        }
    }

    /** An empty form with a morning-to-evening window to start from. */
    static ProducerForm blank() {
        ProducerForm form = new ProducerForm();
        form.pickupWindows.add(new Window(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        return form.withSpareRows();
    }

    static ProducerForm of(Producer p) {
        ProducerForm form = new ProducerForm();
        form.name = p.name();
        form.contactName = p.contactName();
        form.phone = p.phone();
        form.address = p.address();
        form.countyCode = p.countyCode();
        form.location = PositionForm.of(p.location());
        form.shipsChilled = p.shipsChilled();
        for (PickupWindow w : p.pickupWindows()) {
            form.pickupWindows.add(new Window(w.startsAt(), w.endsAt()));
        }
        return form.withSpareRows();
    }

    /** Drops the rows left blank, so the request's window i is the form's row i. */
    ProducerForm withoutBlankRows() {
        pickupWindows.removeIf(w -> w == null || w.blank());
        return this;
    }

    /** Adds blank rows up to {@link #WINDOW_ROWS} for the page to offer. */
    ProducerForm withSpareRows() {
        while (pickupWindows.size() < WINDOW_ROWS) {
            pickupWindows.add(new Window());
        }
        return this;
    }

    ProducerRequest request() {
        return new ProducerRequest(name, contactName, phone, address, countyCode,
                location.position(), shipsChilled,
                pickupWindows.stream().map(w -> new ProducerRequest.Window(w.startsAt, w.endsAt)).toList());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public void setCountyCode(String countyCode) {
        this.countyCode = countyCode;
    }

    public PositionForm getLocation() {
        return location;
    }

    public void setLocation(PositionForm location) {
        this.location = location;
    }

    public boolean isShipsChilled() {
        return shipsChilled;
    }

    public void setShipsChilled(boolean shipsChilled) {
        this.shipsChilled = shipsChilled;
    }

    public List<Window> getPickupWindows() {
        return pickupWindows;
    }

    public void setPickupWindows(List<Window> pickupWindows) {
        this.pickupWindows = pickupWindows;
    }
}
