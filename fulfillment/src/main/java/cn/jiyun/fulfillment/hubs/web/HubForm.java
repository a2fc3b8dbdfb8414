package cn.jiyun.fulfillment.hubs.web;

import cn.jiyun.fulfillment.admin.PositionForm;
import cn.jiyun.fulfillment.hubs.Hub;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalTime;

/** The hub form of the admin pages, field for field the {@link HubRequest} it becomes. */
public class HubForm {

    private String name;
    private String countyCode;
    private String address;
    private PositionForm location = new PositionForm();
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime opensAt;
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime closesAt;
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime carrierCutoff;

    /** An empty form with a county hub's usual hours. */
    static HubForm blank() {
        HubForm form = new HubForm();
        form.opensAt = LocalTime.of(7, 0);
        form.closesAt = LocalTime.of(20, 0);
        form.carrierCutoff = LocalTime.of(17, 30);
        return form;
    }

    static HubForm of(Hub hub) {
        HubForm form = new HubForm();
        form.name = hub.name();
        form.countyCode = hub.countyCode();
        form.address = hub.address();
        form.location = PositionForm.of(hub.location());
        form.opensAt = hub.opensAt();
        form.closesAt = hub.closesAt();
        form.carrierCutoff = hub.carrierCutoff();
        return form;
    }

    HubRequest request() {
        return new HubRequest(name, countyCode, address, location.position(),
                opensAt, closesAt, carrierCutoff);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountyCode() {
        return countyCode;
    }

    public void setCountyCode(String countyCode) {
        this.countyCode = countyCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public PositionForm getLocation() {
        return location;
    }

    public void setLocation(PositionForm location) {
        this.location = location;
    }

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalTime closesAt) {
        this.closesAt = closesAt;
    }

    public LocalTime getCarrierCutoff() {
        return carrierCutoff;
    }

    public void setCarrierCutoff(LocalTime carrierCutoff) {
        this.carrierCutoff = carrierCutoff;
    }
}
