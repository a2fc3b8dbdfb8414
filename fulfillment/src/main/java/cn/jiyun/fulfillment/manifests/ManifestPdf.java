package cn.jiyun.fulfillment.manifests;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.CmapTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a manifest as an A4 PDF: the print template through Thymeleaf, then openhtmltopdf with
 * Noto Sans SC embedded (only the glyphs used), a QR code for the route and one per parcel.
 */
@Component
public class ManifestPdf {

    /** The family name the print template asks for. */
    static final String FONT_FAMILY = "Noto Sans SC";
    private static final String FONT = "fonts/NotoSansSC_400Regular.ttf";

    private final ITemplateEngine templates;
    // read once: ten megabytes that every render would otherwise read again from the jar
    private final byte[] font;

    ManifestPdf(ITemplateEngine templates) {
        this.templates = templates;
        PdfRendererLog.install();
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the build puts " + FONT + " on the classpath; it is missing", e);
        }
    }

    /** The PDF; {@code manifestUrl} is what the route's QR code opens (the mobile page). */
    public byte[] render(RouteManifest manifest, String manifestUrl, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("manifest", manifest);
        context.setVariable("routeQr", QrCodes.pngDataUri(manifestUrl));
        context.setVariable("manifestUrl", manifestUrl);
        Map<String, String> parcelQrs = new LinkedHashMap<>();
        manifest.stops().forEach(s -> s.parcels().forEach(p -> parcelQrs.put(p.code(), QrCodes.pngDataUri(p.code()))));
        context.setVariable("parcelQrs", parcelQrs);
        String xhtml = templates.process("manifests/print", context);

        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
             PDDocument document = new PDDocument()) {
            CmapTable cmap = ttf.getCmap();
            cmap.setCmaps(Arrays.stream(cmap.getCmaps()).map(IdeographsFirst::new).toArray(CmapSubtable[]::new));
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(document)
                    .useFont(new PDFontSupplier(PDType0Font.load(document, ttf, true)), FONT_FAMILY)
                    .withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the manifest of route " + manifest.routeId(), e);
        }
    }

    /**
     * Noto Sans SC draws 车 and the radical ⻋ with one glyph, and PDFBox writes the lowest code
     * point of a glyph into the text layer, the radical: copied or searched text would not match.
     * This cmap names the ideograph first, so the PDF's text is what the template wrote.
     */
    private static final class IdeographsFirst extends CmapSubtable {

        private static final Comparator<Integer> RADICALS_AND_COMPATIBILITY_FORMS_LAST =
                Comparator.<Integer, Boolean>comparing(IdeographsFirst::isVariantForm).thenComparing(c -> c);

        private final CmapSubtable font;

        IdeographsFirst(CmapSubtable font) {
            this.font = font;
            setPlatformId(font.getPlatformId());
            setPlatformEncodingId(font.getPlatformEncodingId());
        }

        @Override
        public int getGlyphId(int characterCode) {
            return font.getGlyphId(characterCode);
        }

        @Override
        public List<Integer> getCharCodes(int glyphId) {
            List<Integer> codes = font.getCharCodes(glyphId);
            return codes == null || codes.size() < 2 ? codes
                    : codes.stream().sorted(RADICALS_AND_COMPATIBILITY_FORMS_LAST).toList();
        }

        private static boolean isVariantForm(int codePoint) {
            return (codePoint >= 0x2E80 && codePoint <= 0x2FDF)       // CJK and Kangxi radicals
                    || (codePoint >= 0xF900 && codePoint <= 0xFAFF)   // CJK compatibility ideographs
                    || (codePoint >= 0x2F800 && codePoint <= 0x2FA1F);
        }
    }
}
