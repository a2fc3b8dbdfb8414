package cn.jiyun.fulfillment.fleet.web;

import cn.jiyun.fulfillment.fleet.Vehicle;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.util.Map;

/**
 * The vehicle form of the admin pages: the {@link VehicleRequest} it becomes, except that costs are
 * typed in yuan (the request and the store keep fen).
 */
public class VehicleForm {

    /** Where the request's fen fields show their errors on this form. */
    static final Map<String, String> FORM_FIELDS = Map.of(
            "costPerKmFen", "costPerKmYuan",
            "fixedCostPerDayFen", "fixedCostPerDayYuan");

    private Long homeHubId;
    private String name;
    private String plate;
    private Integer capacityKg;
    private Integer capacityLitres;
    private boolean refrigerated;
    private BigDecimal costPerKmYuan;
    private BigDecimal fixedCostPerDayYuan;
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime shiftStart;
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime shiftEnd;
    private Long driverUserId;

    /** An empty form with a day shift to start from. */
    static VehicleForm blank() {
        VehicleForm form = new VehicleForm();
        form.shiftStart = LocalTime.of(7, 30);
        form.shiftEnd = LocalTime.of(18, 30);
        return form;
    }

    static VehicleForm of(Vehicle v) {
        VehicleForm form = new VehicleForm();
        form.homeHubId = v.homeHubId();
        form.name = v.name();
        form.plate = v.plate();
        form.capacityKg = v.capacityKg();
        form.capacityLitres = v.capacityLitres();
        form.refrigerated = v.refrigerated();
        form.costPerKmYuan = yuan(v.costPerKmFen());
        form.fixedCostPerDayYuan = yuan(v.fixedCostPerDayFen());
        form.shiftStart = v.shiftStart();
        form.shiftEnd = v.shiftEnd();
        form.driverUserId = v.driverUserId();
        return form;
    }

    VehicleRequest request() {
        return new VehicleRequest(homeHubId, name, plate, capacityKg, capacityLitres, refrigerated, fen(costPerKmYuan),
                fen(fixedCostPerDayYuan), shiftStart, shiftEnd, driverUserId);
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Yuan as typed to whole fen; an absurd amount stays absurd, for the request's limits to refuse. */
    private static Long fen(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        BigDecimal fen = yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        return fen.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0
                ? fen.signum() * (Long.MAX_VALUE / 2) : fen.longValue();
    }

    public Long getHomeHubId() {
        return homeHubId;
    }

    public void setHomeHubId(Long homeHubId) {
        this.homeHubId = homeHubId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlate() {
        return plate;
    }

    public void setPlate(String plate) {
        this.plate = plate;
    }

    public Integer getCapacityKg() {
        return capacityKg;
    }

    public void setCapacityKg(Integer capacityKg) {
        this.capacityKg = capacityKg;
    }

    public Integer getCapacityLitres() {
        return capacityLitres;
    }

    public void setCapacityLitres(Integer capacityLitres) {
        this.capacityLitres = capacityLitres;
    }

    public boolean isRefrigerated() {
        return refrigerated;
    }

    public void setRefrigerated(boolean refrigerated) {
        this.refrigerated = refrigerated;
    }

    public BigDecimal getCostPerKmYuan() {
        return costPerKmYuan;
    }

    public void setCostPerKmYuan(BigDecimal costPerKmYuan) {
        this.costPerKmYuan = costPerKmYuan;
    }

    public BigDecimal getFixedCostPerDayYuan() {
        return fixedCostPerDayYuan;
    }

    public void setFixedCostPerDayYuan(BigDecimal fixedCostPerDayYuan) {
        this.fixedCostPerDayYuan = fixedCostPerDayYuan;
    }

    public LocalTime getShiftStart() {
        return shiftStart;
    }

    public void setShiftStart(LocalTime shiftStart) {
        this.shiftStart = shiftStart;
    }

    public LocalTime getShiftEnd() {
        return shiftEnd;
    }

    public void setShiftEnd(LocalTime shiftEnd) {
        this.shiftEnd = shiftEnd;
    }

    public Long getDriverUserId() {
        return driverUserId;
    }

    public void setDriverUserId(Long driverUserId) {
        this.driverUserId = driverUserId;
    }
}
