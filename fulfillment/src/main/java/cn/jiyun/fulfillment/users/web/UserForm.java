package cn.jiyun.fulfillment.users.web;

import cn.jiyun.fulfillment.security.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The user form of the admin pages, as typed: it becomes the API's request, so both are checked alike. */
public class UserForm {

    /** The request's shop and vehicle ids are shown next to the form's lists of the same name. */
    static final Map<String, String> FORM_FIELDS = Map.of("shopIds", "shopIds", "vehicleIds", "vehicleIds");

    private String username = "";
    private String displayName = "";
    private Role role = Role.COURIER;
    private List<Long> shopIds = new ArrayList<>();
    private List<Long> vehicleIds = new ArrayList<>();
    private boolean enabled = true;

    UserRequests.NewUser newUser() {
        return new UserRequests.NewUser(username == null ? null : username.strip(), displayName, role,
                role == Role.SELLER ? shopIds : List.of(), role == Role.COURIER ? vehicleIds : List.of());
    }

    UserRequests.UserChange change() {
        return new UserRequests.UserChange(displayName, enabled);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public List<Long> getShopIds() {
        return shopIds;
    }

    public void setShopIds(List<Long> shopIds) {
        this.shopIds = shopIds == null ? new ArrayList<>() : shopIds;
    }

    public List<Long> getVehicleIds() {
        return vehicleIds;
    }

    public void setVehicleIds(List<Long> vehicleIds) {
        this.vehicleIds = vehicleIds == null ? new ArrayList<>() : vehicleIds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
