package cn.jiyun.integrations.sync;

/** What a webhook answers the platform: status, content type and body, as the platform expects them. */
public record WebhookAnswer(int status, String contentType, String body) {

    /** Our own failure: the platform should push again later. */
    public static final WebhookAnswer RETRY_LATER = new WebhookAnswer(500, "text/plain; charset=utf-8", "retry later");

    public static WebhookAnswer json(int status, String body) {
        return new WebhookAnswer(status, "application/json", body);
    }

    public static WebhookAnswer text(int status, String body) {
        return new WebhookAnswer(status, "text/plain; charset=utf-8", body);
    }
}
