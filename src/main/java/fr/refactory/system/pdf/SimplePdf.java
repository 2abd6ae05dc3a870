package fr.refactory.system.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/**
 * A plain A4 PDF (the retrofit dossier, the DGEC report; ADR 0910): a title, then
 * labelled lines and paragraphs, page after page. Standard Helvetica (WinAnsi), so a
 * character outside it is printed as '?' rather than failing the certificate.
 */
public final class SimplePdf {

	private static final float MARGIN = 50;

	private static final float LEADING = 14;

	private static final float SIZE = 10;

	private static final int WRAP = 95;

	private final String title;

	private final List<String> lines = new ArrayList<>();

	public SimplePdf(String title) {
		this.title = title;
	}

	/**
	 * A labelled value; a missing value prints as an empty field, so the auditor sees it
	 * was not supplied.
	 */
	public SimplePdf field(String label, Object value) {
		return text(label + " : " + ((value != null) ? value : ""));
	}

	/** A heading or a paragraph, wrapped. */
	public SimplePdf text(String paragraph) {
		this.lines.addAll(wrap(paragraph));
		return this;
	}

	public byte[] render() {
		PDType1Font regular = new PDType1Font(FontName.HELVETICA);
		PDType1Font bold = new PDType1Font(FontName.HELVETICA_BOLD);
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPageContentStream page = newPage(document);
			float y = PDRectangle.A4.getHeight() - MARGIN;
			y = write(page, bold, 13, y, this.title);
			y -= LEADING;
			for (String line : this.lines) {
				if (y < MARGIN + LEADING) {
					page.close();
					page = newPage(document);
					y = PDRectangle.A4.getHeight() - MARGIN;
				}
				y = write(page, regular, SIZE, y, line);
			}
			page.close();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected to render the PDF '" + this.title + "', but " + ex.getMessage(),
					ex);
		}
	}

	private static PDPageContentStream newPage(PDDocument document) throws IOException {
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		return new PDPageContentStream(document, page);
	}

	private static float write(PDPageContentStream page, PDType1Font font, float size, float y, String text)
			throws IOException {
		page.beginText();
		page.setFont(font, size);
		page.newLineAtOffset(MARGIN, y);
		page.showText(encodable(font, text));
		page.endText();
		return y - LEADING;
	}

	private static String encodable(PDType1Font font, String text) {
		StringBuilder printable = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			String character = new String(Character.toChars(codePoint));
			try {
				font.encode(character);
				printable.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				printable.append('?');
			}
		});
		return printable.toString();
	}

	private static List<String> wrap(String paragraph) {
		List<String> wrapped = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : paragraph.split(" ")) {
			if (line.length() > 0 && line.length() + word.length() + 1 > WRAP) {
				wrapped.add(line.toString());
				line.setLength(0);
			}
			line.append((line.length() > 0) ? " " : "").append(word);
		}
		wrapped.add(line.toString());
		return wrapped;
	}

}
