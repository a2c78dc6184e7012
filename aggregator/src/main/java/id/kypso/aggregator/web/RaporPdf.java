package id.kypso.aggregator.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.kypso.aggregator.report.Rapor.ElementFigure;
import id.kypso.aggregator.report.Rapor.OfficerRapor;
import id.kypso.aggregator.report.Rapor.PrincipleFigure;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/** Renders an officer's rapor-el as a one- or two-page A4 PDF with OpenPDF. */
final class RaporPdf {

    private RaporPdf() {
    }

    static byte[] render(OfficerRapor officer, Messages messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(messages.get("app.title") + " " + officer.nip());
            document.open();
            Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
            Font bold = new Font(Font.HELVETICA, 11, Font.BOLD);
            Font normal = new Font(Font.HELVETICA, 10);
            String name = officer.name() == null ? messages.get("officer.unknown")
                    : officer.name();
            document.add(new Paragraph(messages.get("app.title"), normal));
            document.add(new Paragraph(messages.get("officer.title", name), title));
            document.add(new Paragraph("NIP " + officer.nip() + "   "
                    + (officer.officeId() == null ? "" : officer.officeId()) + "   "
                    + messages.get("period.label") + ": " + officer.period(), normal));
            document.add(new Paragraph(" "));
            String index = officer.index() == null ? messages.get("figure.notEnough")
                    : officer.index().toPlainString();
            document.add(new Paragraph(messages.get("figure.index") + ": " + index, bold));
            document.add(new Paragraph(messages.get("figure.band") + ": "
                    + (officer.band() == null ? "-" : messages.get("band." + officer.band())),
                    bold));
            document.add(new Paragraph(messages.get("figure.responses") + ": "
                    + officer.responses() + "   "
                    + messages.get("figure.minimum", String.valueOf(officer.minimumResponses())),
                    normal));
            document.add(new Paragraph(" "));

            PdfPTable elements = new PdfPTable(new float[] {5, 1.4f, 1.6f, 1.6f});
            elements.setWidthPercentage(100);
            header(elements, bold, messages.get("column.element"), messages.get("figure.answers"),
                    messages.get("figure.mean"), messages.get("figure.index"));
            for (ElementFigure element : officer.elements()) {
                elements.addCell(cell(element.code() + " "
                        + messages.get("skm." + element.element().name()), normal));
                elements.addCell(cell(String.valueOf(element.answers()), normal));
                elements.addCell(cell(text(element.mean(), messages), normal));
                elements.addCell(cell(text(element.index(), messages), normal));
            }
            document.add(new Paragraph(messages.get("section.elements"), bold));
            document.add(elements);
            document.add(new Paragraph(" "));

            PdfPTable principles = new PdfPTable(new float[] {5, 1.4f, 1.6f, 2});
            principles.setWidthPercentage(100);
            header(principles, bold, messages.get("column.principle"),
                    messages.get("figure.answers"), messages.get("figure.index"),
                    messages.get("figure.band"));
            for (PrincipleFigure principle : officer.principles()) {
                principles.addCell(cell(messages.get("asn." + principle.principle().name()),
                        normal));
                principles.addCell(cell(String.valueOf(principle.answers()), normal));
                principles.addCell(cell(text(principle.index(), messages), normal));
                principles.addCell(cell(principle.band() == null ? "-"
                        : messages.get("band." + principle.band().name()), normal));
            }
            document.add(new Paragraph(messages.get("section.principles"), bold));
            document.add(principles);
        } catch (DocumentException e) {
            throw new IllegalStateException("rapor PDF of officer " + officer.nip()
                    + " cannot be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void header(PdfPTable table, Font font, String... labels) {
        for (String label : labels) {
            table.addCell(cell(label, font));
        }
    }

    private static com.lowagie.text.pdf.PdfPCell cell(String text, Font font) {
        com.lowagie.text.pdf.PdfPCell cell = new com.lowagie.text.pdf.PdfPCell(
                new Paragraph(text, font));
        cell.setPadding(4);
        return cell;
    }

    private static String text(BigDecimal value, Messages messages) {
        return value == null ? messages.get("figure.notEnough") : value.toPlainString();
    }
}
