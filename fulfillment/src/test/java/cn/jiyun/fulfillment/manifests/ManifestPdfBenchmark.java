package cn.jiyun.fulfillment.manifests;

import cn.jiyun.fulfillment.ChinaTime;
import cn.jiyun.fulfillment.geo.Position;
import cn.jiyun.fulfillment.planning.PlanView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the printable manifest of a 40-stop, 80-parcel route takes to render: the same
 * {@link ManifestPdf}, template and font the service uses, without the web layer. Prints the mean;
 * asserts nothing about speed (the target is under a second). Run it with
 * {@code ./mvnw -q -pl fulfillment -am test -Dtest=ManifestPdfBenchmark -Djiyun.excluded-test-groups=none
 * -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false} (renders: {@code -Dbench.renders=N}).
 */
@Tag("benchmark")
class ManifestPdfBenchmark {

    private static final int STOPS = 40;

    @Test
    void rendersTheManifestOfAFortyStopRoute() throws Exception {
        int renders = Integer.getInteger("bench.renders", 20);
        ManifestPdf pdf = new ManifestPdf(templateEngine());
        RouteManifest manifest = RouteManifests.manifestOf(1L, fortyStopRoute());

        long firstStart = System.nanoTime();
        byte[] first = pdf.render(manifest, "http://localhost:8080/manifests/1", Locale.SIMPLIFIED_CHINESE);
        long firstNanos = System.nanoTime() - firstStart;
        assertThat(new String(first, 0, 5)).isEqualTo("%PDF-");
        // to look at: target/manifest-40-stops.pdf
        Files.write(Path.of("target", "manifest-40-stops.pdf"), first);
        for (int i = 0; i < 3; i++) {
            pdf.render(manifest, "http://localhost:8080/manifests/1", Locale.SIMPLIFIED_CHINESE);
        }
        long total = 0;
        for (int i = 0; i < renders; i++) {
            long start = System.nanoTime();
            pdf.render(manifest, "http://localhost:8080/manifests/1", Locale.SIMPLIFIED_CHINESE);
            total += System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "MANIFEST_PDF %d stops, %d parcels, %d bytes: mean %.1f ms over %d renders "
                        + "(first render %.1f ms)%n", STOPS, manifest.parcelCount(), first.length,
                total / 1e6 / renders, renders, firstNanos / 1e6);
    }

    /** The template engine as Spring Boot sets it up: classpath templates, the message bundles. */
    private static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private static PlanView.RouteView fortyStopRoute() {
        LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(1);
        Instant departure = day.atTime(LocalTime.of(7, 30)).atZone(ChinaTime.ZONE).toInstant();
        List<PlanView.StopView> stops = new ArrayList<>();
        long load = 0;
        Instant at = departure;
        for (int i = 0; i < STOPS; i++) {
            at = at.plus(Duration.ofMinutes(11));
            List<PlanView.ParcelRef> parcels = List.of(
                    new PlanView.ParcelRef(2L * i, "JY%010d".formatted(2L * i), 100L + i, 650, false),
                    new PlanView.ParcelRef(2L * i + 1, "JY%010d".formatted(2L * i + 1), 100L + i, 1_300, i % 5 == 0));
            load += 1_950;
            stops.add(new PlanView.StopView(new PlanView.ProducerRef((long) i, "中宁枸杞园 " + (i + 1) + " 号",
                    "1390000%04d".formatted(i), "宁夏中卫市中宁县舟塔乡 " + (i + 1) + " 组",
                    new Position(105.60 + 0.004 * i, 37.45 + 0.003 * (i % 7))),
                    at, at.plus(Duration.ofMinutes(i % 4 == 0 ? 10 : 0)), parcels, load, false));
        }
        return new PlanView.RouteView(1L, new PlanView.VehicleRef(1L, "中宁一号车", "宁E·00001", 1_500, false), 1L,
                day, departure, at.plus(Duration.ofMinutes(40)), 138.4, 18_640, 186.40, STOPS * 2, load, 1L,
                List.copyOf(stops));
    }
}
