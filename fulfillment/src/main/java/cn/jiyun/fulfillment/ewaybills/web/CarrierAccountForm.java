package cn.jiyun.fulfillment.ewaybills.web;

import cn.jiyun.fulfillment.ewaybills.CarrierAccount;
import cn.jiyun.fulfillment.ewaybills.CarrierAccountService;
import cn.jiyun.fulfillment.errors.InvalidFieldException;
import cn.jiyun.integrations.Carrier;
import cn.jiyun.integrations.Platform;

/** The e-waybill account form's fields as typed; the secret field left empty keeps the stored secret. */
public class CarrierAccountForm {

    private String platform = "";
    private String carrier = "";
    private String branchCode = "";
    private String accountId = "";
    private String secret = "";
    private boolean removeSecret;
    private String senderName = "";
    private String senderMobile = "";
    private String senderProvince = "宁夏回族自治区";
    private String senderCity = "";
    private String senderDistrict = "";
    private String senderDetail = "";
    private boolean active = true;

    static CarrierAccountForm of(CarrierAccount account) {
        CarrierAccountForm form = new CarrierAccountForm();
        CarrierAccount.Sender sender = account.sender();
        form.platform = account.platform().name();
        form.carrier = account.carrier().name();
        form.branchCode = account.branchCode();
        form.accountId = account.accountId();
        form.senderName = sender.name();
        form.senderMobile = sender.mobile();
        form.senderProvince = sender.province();
        form.senderCity = sender.city();
        form.senderDistrict = sender.district();
        form.senderDetail = sender.detail();
        form.active = account.active();
        return form;
    }

    CarrierAccountService.Details details() {
        String secretGiven = removeSecret ? "" : secret == null || secret.isBlank() ? null : secret;
        return new CarrierAccountService.Details(parse(Platform.class, "platform", platform),
                parse(Carrier.class, "carrier", carrier), branchCode, accountId, secretGiven,
                new CarrierAccount.Sender(senderName, senderMobile, senderProvince, senderCity, senderDistrict,
                        senderDetail), active);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "choose one");
        }
    }

    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public String getBranchCode() { return branchCode; }
    public void setBranchCode(String branchCode) { this.branchCode = branchCode; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getSecret() { return ""; }
    public void setSecret(String secret) { this.secret = secret; }
    public boolean isRemoveSecret() { return removeSecret; }
    public void setRemoveSecret(boolean removeSecret) { this.removeSecret = removeSecret; }
    public String getSenderName() { return senderName; }
    public void setSenderName(String senderName) { this.senderName = senderName; }
    public String getSenderMobile() { return senderMobile; }
    public void setSenderMobile(String senderMobile) { this.senderMobile = senderMobile; }
    public String getSenderProvince() { return senderProvince; }
    public void setSenderProvince(String senderProvince) { this.senderProvince = senderProvince; }
    public String getSenderCity() { return senderCity; }
    public void setSenderCity(String senderCity) { this.senderCity = senderCity; }
    public String getSenderDistrict() { return senderDistrict; }
    public void setSenderDistrict(String senderDistrict) { this.senderDistrict = senderDistrict; }
    public String getSenderDetail() { return senderDetail; }
    public void setSenderDetail(String senderDetail) { this.senderDetail = senderDetail; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
