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
 * The service on a real PostGIS server, profile {@code postgis}. {@code scripts/test.sh} starts the
 * server and sets JIYUN_TEST_DB_URL; without a server these tests fail rather than skip, because
 * the production store must really be tested.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgis")
@TestPropertySource(properties = {
        "spring.datasource.url=${JIYUN_TEST_DB_URL:jdbc:postgresql://localhost:5432/jiyun_test}",
        "spring.datasource.username=${JIYUN_TEST_DB_USER:jiyun}",
        "spring.datasource.password=${JIYUN_TEST_DB_PASSWORD:jiyun}",
        "spring.datasource.hikari.maximum-pool-size=4",
        "jiyun.planning.warm-up=false",
        // as H2gisTest: tests name the policy they test
        "jiyun.planning.policy=greedy",
        // production refuses to start without a token key; this one is for tests only
        "jiyun.secrets.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
public @interface PostgisTest {
}
