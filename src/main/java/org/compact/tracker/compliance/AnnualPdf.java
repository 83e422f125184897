package org.compact.tracker.compliance;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.compact.tracker.notice.Html;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The annual report as PDF, made with openhtmltopdf from the same markup as the page ({@link AnnualHtml}): A4, the
 * DejaVu Sans font shipped in the jar (resources/fonts, Bitstream Vera licence) embedded, tagged for accessibility
 * (PDF/UA, with PDF/A-3a, which needs the embedded fonts and an sRGB output intent), the page number in the footer.
 */
public final class AnnualPdf {
    public static final String MEDIA_TYPE = "application/pdf";
    private static final String FONT = "DejaVu Sans";
    private static final String STYLE = "@page { size: A4; margin: 18mm 15mm 20mm 15mm; "
            + "@bottom-center { content: 'Page ' counter(page) ' of ' counter(pages); font-family: 'DejaVu Sans'; "
            + "font-size: 8pt; } } "
            + "body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.35; color: #0b0c0c; } "
            + "h1 { font-size: 18pt; margin: 0 0 6pt 0; } h2 { font-size: 14pt; margin: 14pt 0 4pt 0; "
            + "page-break-before: always; border-bottom: 1.5pt solid #1d70b8; } "
            + "h3 { font-size: 11.5pt; margin: 10pt 0 3pt 0; } h4 { font-size: 10pt; margin: 8pt 0 2pt 0; } "
            + "table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt 0; -fs-table-paginate: paginate; } "
            + "caption { text-align: left; font-weight: bold; padding: 2pt 0; } "
            + "th, td { border: 0.5pt solid #b1b4b6; padding: 2pt 4pt; text-align: left; vertical-align: top; } "
            + "thead th { background: #f3f2f1; } tr { page-break-inside: avoid; } "
            + ".lead { font-size: 10.5pt; }";

    private AnnualPdf() {
    }

    /** The report as a PDF document. */
    public static byte[] write(AnnualReport report) {
        String title = AnnualHtml.title(report);
        String xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE html>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\"><head>"
                + "<meta charset=\"utf-8\"/><title>" + Html.escape(title) + "</title>"
                + "<meta name=\"subject\" content=\"The local Compact's Gold Standards in community involvement and "
                + "consultation: how each partner kept them\"/><meta name=\"author\" content=\"Consultation tracker\"/>"
                + "<style>" + STYLE + "</style></head><body><h1>" + Html.escape(title) + "</h1>"
                + AnnualHtml.body(report).replaceFirst("<h2>", "<h2 style=\"page-break-before: auto\">")
                + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream(64_000);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withProducer("Consultation tracker");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The annual report's PDF could not be made: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = AnnualPdf.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("The font " + file + " is missing from the jar (resources/fonts)");
        }
        return in;
    }
}
