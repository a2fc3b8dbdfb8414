package cn.jiyun.fulfillment.ewaybills;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders e-waybill labels as a PDF of 76 × 130 mm pages, the standard thermal label, one page per waybill: the
 * carrier, the sorting code, the waybill's Code 128 barcode and number, the sender, and the recipient only as the
 * platform masked it.
 */
@Component
public class LabelPdf {

    /** One label's content; {@code recipientMasked} is the platform's masked form and nothing more of the buyer. */
    public record Label(String carrierName, String waybillNumber, String sortCode, String sender,
                        String recipientMasked, String platformOrderId) {
    }

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = new PDRectangle(76 * MM, 130 * MM);
    private static final String FONT = "fonts/NotoSansSC_400Regular.ttf";

    /** All the labels in one document, as the hub prints a van's load. */
    public byte[] render(List<Label> labels) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = fontFile()) {
            // one embedded subset for the whole batch: loading the font per page would dominate a van's load
            PDFont font = PDType0Font.load(document, fontFile, true);
            for (Label label : labels) {
                page(document, font, label);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the labels", e);
        }
    }

    private static InputStream fontFile() {
        InputStream in = LabelPdf.class.getClassLoader().getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("the label font " + FONT + " is missing from the jar");
        }
        return in;
    }

    private static void page(PDDocument document, PDFont font, Label label) throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        float width = PAGE.getWidth();
        float top = PAGE.getHeight();
        float margin = 4 * MM;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            text(content, font, 14, margin, top - 10 * MM, label.carrierName());
            if (label.sortCode() != null && !label.sortCode().isBlank()) {
                text(content, font, 20, margin, top - 22 * MM, label.sortCode());
            }
            // Code 128 across the label, quiet zones included in the writer's matrix
            BitMatrix bars = new Code128Writer().encode(label.waybillNumber(), BarcodeFormat.CODE_128, 0, 0);
            float barsWidth = width - 2 * margin;
            float module = barsWidth / bars.getWidth();
            float barsBottom = top - 52 * MM;
            float barsHeight = 22 * MM;
            for (int x = 0; x < bars.getWidth(); x++) {
                if (bars.get(x, 0)) {
                    content.addRect(margin + x * module, barsBottom, module, barsHeight);
                }
            }
            content.fill();
            text(content, font, 12, margin, barsBottom - 6 * MM, label.waybillNumber());
            text(content, font, 9, margin, top - 72 * MM, "收 " + nullToEmpty(label.recipientMasked()));
            text(content, font, 9, margin, top - 82 * MM, "寄 " + nullToEmpty(label.sender()));
            text(content, font, 8, margin, top - 92 * MM, "订单 " + nullToEmpty(label.platformOrderId()));
        }
    }

    private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
