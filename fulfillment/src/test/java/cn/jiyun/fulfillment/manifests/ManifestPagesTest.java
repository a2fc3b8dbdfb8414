package cn.jiyun.fulfillment.manifests;

import cn.jiyun.fulfillment.geo.Gcj02;
import cn.jiyun.fulfillment.producers.Producer;
import cn.jiyun.fulfillment.security.JiyunUser;
import cn.jiyun.fulfillment.security.Role;
import cn.jiyun.fulfillment.support.Fixtures;
import cn.jiyun.fulfillment.support.H2gisTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@H2gisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    ApprovedRoute approved;

    @BeforeAll
    void aRoutePlannedApprovedAndGivenToACourier() throws Exception {
        approved = ApprovedRoute.make(mvc, fixtures);
    }

    @Test
    void courierSeesTheirManifestWithStopsPhonesNavigationAndParcels() throws Exception {
        String html = mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.courier())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains(ApprovedRoute.PRODUCER_NAMES).contains(approved.parcelCodes())
                .contains("href=\"tel:13900000000\"")
                .contains("高德导航", "到达时段");
        for (Producer producer : approved.producers()) {
            Gcj02 gcj = Gcj02.fromWgs84(producer.location().getX(), producer.location().getY());
            assertThat(html).contains("https://uri.amap.com/navigation?to="
                    + String.format(Locale.ROOT, "%.6f,%.6f,", gcj.longitude(), gcj.latitude()));
            assertThat(gcj.longitude()).isNotEqualTo(producer.location().getX());
        }
        assertThat(html).contains("coordinate=gaode");
    }

    @Test
    void anotherCourierGetsNotFoundForTheRouteAndItsPdf() throws Exception {
        JiyunUser other = fixtures.user(approved.cooperative(), Role.COURIER);
        mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/manifests/{id}.pdf", approved.routeId()).with(user(other))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/manifests").with(user(other))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("/manifests/" + approved.routeId());

        JiyunUser stranger = fixtures.user(fixtures.cooperative(), Role.COOP_ADMIN);
        mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void sellerIsRefused() throws Exception {
        JiyunUser seller = fixtures.user(approved.cooperative(), Role.SELLER);
        mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(seller))).andExpect(status().isForbidden());
        mvc.perform(get("/manifests/{id}.pdf", approved.routeId()).with(user(seller))).andExpect(status().isForbidden());
        mvc.perform(get("/manifests").with(user(seller))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousIsSentToLogin() throws Exception {
        mvc.perform(get("/manifests/{id}", approved.routeId()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/manifests/{id}.pdf", approved.routeId()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void listsTheCouriersRoutesAndTheCooperativesForItsAdmin() throws Exception {
        String link = "/manifests/" + approved.routeId() + "\"";
        assertThat(mvc.perform(get("/manifests").with(user(approved.courier()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(link).contains("宁E·00001");
        assertThat(mvc.perform(get("/manifests").with(user(approved.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(link);
        mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.admin()))).andExpect(status().isOk());
    }

    @Test
    void speaksChineseByDefaultAndEnglishWhenAsked() throws Exception {
        String chinese = mvc.perform(get("/manifests/{id}", approved.routeId()).with(user(approved.courier())))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("线路清单", "拨打电话", "lang=\"zh-CN\"");

        String english = mvc.perform(get("/manifests/{id}", approved.routeId()).param("lang", "en")
                        .with(user(approved.courier())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Route manifest", "Navigate (Amap)", "Call 13900000000", "lang=\"en\"")
                .doesNotContain("拨打电话")
                .contains(ApprovedRoute.PRODUCER_NAMES);
    }

    @Test
    void printsAnA4PdfWithChineseTextAndAQrCodePerParcelAndForTheRoute() throws Exception {
        byte[] pdf = mvc.perform(get("/manifests/{id}.pdf", approved.routeId()).with(user(approved.courier())))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(ApprovedRoute.PRODUCER_NAMES).contains(approved.parcelCodes())
                    .contains("线路清单", "包裹码".substring(0, 2));
            PDPage first = document.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            assertThat(images(document)).isEqualTo(approved.parcelCodes().size() + 1);
        }
    }

    /** Distinct images drawn on the pages. */
    private static int images(PDDocument document) throws Exception {
        Set<COSBase> images = new HashSet<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image.getCOSObject());
                }
            }
        }
        return images.size();
    }
}
