package cn.jiyun.fulfillment.admin;

import cn.jiyun.fulfillment.ChinaTime;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Shows stored instants on the admin pages as Asia/Shanghai wall-clock time ({@code @adminTimes} in templates). */
@Component("adminTimes")
public class AdminTimes {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    public String format(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }
}
