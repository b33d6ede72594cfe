package org.mu1000.platform.impact.application;

import java.io.File;
import java.io.IOException;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.fontbox.ttf.TrueTypeCollection;

/**
 * The fonts a report's PDF embeds, from Debian's font packages: Abyssinica SIL (fonts-sil-abyssinica) for Ethiopic
 * script, WenQuanYi Micro Hei (fonts-wqy-microhei) for Chinese and everything else. Each text is written in the font
 * that has its script; only the glyphs used are embedded. Without the fonts (a server whose image lacks the
 * packages) a report falls back to Helvetica, which can write Latin text only.
 */
final class ReportFonts {
  private static final Logger LOG = Logger.getLogger(ReportFonts.class.getName());
  static final String ETHIOPIC = "truetype/abyssinica/AbyssinicaSIL-Regular.ttf";
  static final String CJK = "truetype/wqy/wqy-microhei.ttc";

  private final PDFont ethiopic;
  private final PDFont general;

  private ReportFonts(PDFont ethiopic, PDFont general) {
    this.ethiopic = ethiopic;
    this.general = general;
  }

  /** The fonts under {@code dir} (a {@code /usr/share/fonts}), loaded into {@code doc}. */
  static ReportFonts load(PDDocument doc, String dir) throws IOException {
    File e = new File(dir, ETHIOPIC);
    File c = new File(dir, CJK);
    if (!e.isFile() || !c.isFile()) {
      LOG.warning("report fonts not found under " + dir + " (install fonts-sil-abyssinica and fonts-wqy-microhei):"
          + " PDFs are written in Helvetica, Latin text only");
      PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      return new ReportFonts(helvetica, helvetica);
    }
    PDFont ethiopic = PDType0Font.load(doc, e);
    PDFont[] cjk = {null};
    try (TrueTypeCollection ttc = new TrueTypeCollection(c)) {
      ttc.processAllFonts(f -> {
        if (cjk[0] == null) {
          cjk[0] = PDType0Font.load(doc, f, true);
        }
      });
    }
    return new ReportFonts(ethiopic, cjk[0]);
  }

  /** The text cut where it changes between Ethiopic script and any other. */
  static java.util.List<String> runs(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder run = new StringBuilder();
    Boolean ethiopic = null;
    for (int cp : text.codePoints().toArray()) {
      boolean e = isEthiopic(cp) || (ethiopic != null && ethiopic && (cp == ' ' || cp == 0x1361 || cp == 0x1362));
      if (ethiopic != null && e != ethiopic) {
        out.add(run.toString());
        run.setLength(0);
      }
      ethiopic = e;
      run.appendCodePoint(cp);
    }
    if (run.length() > 0) {
      out.add(run.toString());
    }
    return out;
  }

  /** The font that writes {@code text}. */
  PDFont of(String text) {
    return text.codePoints().anyMatch(ReportFonts::isEthiopic) ? ethiopic : general;
  }

  static boolean isEthiopic(int cp) {
    return (cp >= 0x1200 && cp <= 0x139F) || (cp >= 0x2D80 && cp <= 0x2DDF) || (cp >= 0xAB00 && cp <= 0xAB2F);
  }

  /** The text as a font without those glyphs can write it (Helvetica: what WinAnsi has; the rest as '?'). */
  String writable(PDFont font, String text) {
    StringBuilder s = new StringBuilder();
    text.replace('\u202f', ' ').replace('\u00a0', ' ').codePoints().forEach(cp -> {
      String c = new String(Character.toChars(cp));
      try {
        font.encode(c);
        s.append(c);
      } catch (IllegalArgumentException | IOException missing) {
        s.append(cp == 0x2013 ? "-" : "?");
      }
    });
    return s.toString();
  }
}
