package org.qipflow.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;

/**
 * Checks the main parts of an Office file against the ECMA-376 schemas (compiled into
 * poi-ooxml-full): every element where the schema allows it, in the order it requires.
 */
public final class OoxmlSchemas {

    private OoxmlSchemas() {
    }

    /** @return each schema error, with the part it is in; empty when the file conforms */
    public static List<String> docxErrors(byte[] docx) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> errors = new ArrayList<>();
            check("document.xml", document.getDocument(), errors);
            check("styles.xml", document.getStyle(), errors);
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlException e) {
            throw new AssertionError("styles.xml cannot be read: " + e.getMessage(), e);
        }
    }

    public static List<String> pptxErrors(byte[] pptx) {
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            List<String> errors = new ArrayList<>();
            check("presentation.xml", show.getCTPresentation(), errors);
            for (XSLFSlide slide : show.getSlides()) {
                check("slide " + slide.getSlideNumber(), slide.getXmlObject(), errors);
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> xlsxErrors(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> errors = new ArrayList<>();
            check("workbook.xml", workbook.getCTWorkbook(), errors);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                check("sheet " + sheet.getSheetName(), sheet.getCTWorksheet(), errors);
            }
            check("styles.xml", workbook.getStylesSource().getCTStylesheet(), errors);
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String part, XmlObject xml, List<String> errors) {
        List<XmlError> found = new ArrayList<>();
        xml.validate(new XmlOptions().setErrorListener(found));
        found.forEach(e -> errors.add(part + ": " + e.getMessage()));
    }
}
