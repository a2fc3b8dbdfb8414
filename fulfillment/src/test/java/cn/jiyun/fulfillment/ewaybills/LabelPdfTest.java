package cn.jiyun.fulfillment.ewaybills;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Renders labels, rasterises each page as a thermal printer would and reads the barcode back. */
class LabelPdfTest {

    final LabelPdf labels = new LabelPdf();

    static LabelPdf.Label label(String waybill) {
        return new LabelPdf.Label("中通快递", waybill, "300-A12 05", "中宁枸杞合作社 中卫市中宁县", "张** 138****5678 浙江省杭州市西湖区",
                "6920000000000000001");
    }

    @Test
    void aLabelIs76By130MillimetresAndItsBarcodeReadsBackAsTheWaybillNumber() throws Exception {
        byte[] pdf = labels.render(List.of(label("73100000000001")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth() / LabelPdf.MM).isCloseTo(76f, within(0.01f));
            assertThat(size.getHeight() / LabelPdf.MM).isCloseTo(130f, within(0.01f));
            assertThat(LabelPdfReader.barcodeOf(document, 0)).isEqualTo("73100000000001");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("中通快递", "300-A12 05", "73100000000001", "张** 138****5678", "中宁枸杞合作社");
        }
    }

    @Test
    void aVansLoadIsOneDocumentWithAPagePerWaybillInOrder() throws Exception {
        byte[] pdf = labels.render(List.of(label("73100000000001"), label("SF1400000000002"), label("JT0000000000003")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(LabelPdfReader.barcodeOf(document, 0)).isEqualTo("73100000000001");
            assertThat(LabelPdfReader.barcodeOf(document, 1)).isEqualTo("SF1400000000002");
            assertThat(LabelPdfReader.barcodeOf(document, 2)).isEqualTo("JT0000000000003");
        }
    }
}
