package cn.jiyun.fulfillment.operators.web;

/** The operator page's form to open a cooperative (a bean, for Thymeleaf's form binding). */
public class OpenCooperativeForm {

    private String name;
    private String adminUsername;
    private String adminPassword;

    OpenCooperativeRequest request() {
        return new OpenCooperativeRequest(name, adminUsername, adminPassword);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    /** Never sent back to the page. */
    public String getAdminPassword() {
        return null;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }
}
