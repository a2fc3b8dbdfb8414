package cn.jiyun.fulfillment.support;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service on the embedded default store, H2GIS in a fresh file under target/, without the
 * demo cooperative (each test makes its own cooperative, so tests never see each other's rows).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "jiyun.data-dir=./target/test-data/h2gis-${random.uuid}",
        "jiyun.demo.enabled=false",
        "jiyun.planning.warm-up=false",
        // Tests name the policy they test. Greedy by default here: whether a 48-h deadline may wait past tomorrow
        // depends on the hour a test runs, and a test must not.
        "jiyun.planning.policy=greedy"})
public @interface H2gisTest {
}
