#include "tp_test.h"

#include "render_fixture.h"

typedef struct docx {
    tp_doc *doc;
    tp_buf zip;
    char *document, *styles, *numbering, *settings, *header, *footer, *core, *app;
    char *types, *rels, *doc_rels;
} docx;

static int setup(void **state)
{
    docx *x = xcalloc(1, sizeof *x);
    x->doc = fixture_doc();
    fixture_render(&x->zip, "docx", x->doc);
    x->document = fixture_part(&x->zip, "word/document.xml");
    x->styles = fixture_part(&x->zip, "word/styles.xml");
    x->numbering = fixture_part(&x->zip, "word/numbering.xml");
    x->settings = fixture_part(&x->zip, "word/settings.xml");
    x->header = fixture_part(&x->zip, "word/header1.xml");
    x->footer = fixture_part(&x->zip, "word/footer1.xml");
    x->core = fixture_part(&x->zip, "docProps/core.xml");
    x->app = fixture_part(&x->zip, "docProps/app.xml");
    x->types = fixture_part(&x->zip, "[Content_Types].xml");
    x->rels = fixture_part(&x->zip, "_rels/.rels");
    x->doc_rels = fixture_part(&x->zip, "word/_rels/document.xml.rels");
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    docx *x = *state;
    char *parts[] = {x->document, x->styles, x->numbering, x->settings, x->header, x->footer,
                     x->core, x->app, x->types, x->rels, x->doc_rels};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        free(parts[i]);
    tp_buf_dispose(&x->zip);
    tp_doc_free(x->doc);
    free(x);
    return 0;
}

#define assert_contains(hay, needle) assert_non_null(strstr((hay), (needle)))

static void test_docx__package_parts_in_order(void **state)
{
    docx *x = *state;
    const char *order[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml",
                           "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                           "docProps/core.xml", "docProps/app.xml"};
    char name[64];
    for (zip_uint64_t i = 0; i < 11; i++)
        assert_string_equal(fixture_entry(&x->zip, i, name, sizeof name), order[i]);
    assert_string_equal(fixture_entry(&x->zip, 11, name, sizeof name), "");
    char *parts[] = {x->document, x->styles, x->numbering, x->settings, x->header, x->footer,
                     x->core, x->app, x->types, x->rels, x->doc_rels};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        assert_non_null(parts[i]);
        fixture_assert_wellformed(parts[i], "part");
    }
    assert_contains(x->types, "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                              "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
    assert_contains(x->types, "<Override PartName=\"/word/header1.xml\"");
    assert_contains(x->rels, "Target=\"word/document.xml\"/>");
    assert_contains(x->doc_rels, "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
                                 "officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
    assert_contains(x->document, "<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
                                 "<w:footerReference w:type=\"default\" r:id=\"rId5\"/>");
}

static void test_docx__headings_with_outline_level_and_bookmark(void **state)
{
    docx *x = *state;
    assert_contains(x->document, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>"
                                 "<w:bookmarkStart w:id=\"1\" w:name=\"_Toc000001\"/>"
                                 "<w:r><w:t xml:space=\"preserve\">1 </w:t></w:r>"
                                 "<w:r><w:t xml:space=\"preserve\">Objet</w:t></w:r>"
                                 "<w:bookmarkEnd w:id=\"1\"/></w:p>");
    assert_contains(x->document, "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>"
                                 "<w:bookmarkStart w:id=\"2\" w:name=\"_Toc000002\"/>"
                                 "<w:r><w:t xml:space=\"preserve\">1.1 </w:t></w:r>");
    assert_contains(x->document, "<w:r><w:t xml:space=\"preserve\">Annexe A \xE2\x80\x94 </w:t></w:r>"
                                 "<w:r><w:t xml:space=\"preserve\">Formulaire</w:t></w:r>");
    assert_contains(x->styles, "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
                               "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
                               "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
                               "<w:keepLines/><w:spacing w:before=\"255\" w:after=\"113\"/>"
                               "<w:outlineLvl w:val=\"1\"/></w:pPr>");
}

static void test_docx__toc_field_prefilled(void **state)
{
    docx *x = *state;
    assert_contains(x->document,
                    "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/><w:pageBreakBefore/></w:pPr>"
                    "<w:r><w:t>Table des mati\xC3\xA8res</w:t></w:r></w:p>"
                    "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>"
                    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                    "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-3&quot; \\h \\z \\u "
                    "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                    "<w:hyperlink w:anchor=\"_Toc000001\" w:history=\"1\">"
                    "<w:r><w:t xml:space=\"preserve\">1 Objet</w:t></w:r><w:r><w:tab/></w:r>"
                    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                    "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc000001 \\h </w:instrText></w:r>");
    /* the TOC field ends in the paragraph of the last entry */
    assert_contains(x->document, "<w:instrText xml:space=\"preserve\"> PAGEREF _Toc000003 \\h </w:instrText>"
                                 "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>"
                                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    assert_contains(x->styles, "<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/>");
    assert_contains(x->settings, "<w:updateFields w:val=\"true\"/>");
}

static void test_docx__text_escaped_with_runs(void **state)
{
    docx *x = *state;
    assert_contains(x->document,
                    "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr><w:r>"
                    "<w:t xml:space=\"preserve\">A &amp; B &lt; C &quot;q&quot; x\xEF\xBF\xBDy  z</w:t>"
                    "<w:tab/><w:t xml:space=\"preserve\">t </w:t></w:r>"
                    "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">gras</w:t></w:r>"
                    "<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">ital </w:t></w:r>"
                    "<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">both"
                    "</w:t></w:r><w:r><w:br/></w:r>"
                    "<w:r><w:t xml:space=\"preserve\">ligne 2</w:t></w:r></w:p>");
    assert_null(strchr(x->document, '\x01'));
    assert_contains(x->header, "<w:t xml:space=\"preserve\">CSC PO-1 &amp; co</w:t>");
    assert_contains(x->core, "<dc:title>CSC &lt;n\xC2\xB0" "1&gt; &amp; annexes</dc:title>");
}

static void test_docx__table_header_rows_grid_and_shading(void **state)
{
    docx *x = *state;
    assert_contains(x->document, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
                                 "<w:tblW w:w=\"9638\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
                                 "</w:tblPr><w:tblGrid><w:gridCol w:w=\"2891\"/><w:gridCol w:w=\"6747\"/>"
                                 "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr>"
                                 "<w:tcW w:w=\"2891\" w:type=\"dxa\"/>"
                                 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D6D6D6\"/></w:tcPr>"
                                 "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/><w:jc w:val=\"center\"/>"
                                 "</w:pPr><w:r><w:t xml:space=\"preserve\">N\xC2\xB0</w:t></w:r></w:p></w:tc>");
    assert_contains(x->document, "<w:tc><w:tcPr><w:tcW w:w=\"9638\" w:type=\"dxa\"/><w:gridSpan w:val=\"2\"/>"
                                 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"ECECEC\"/></w:tcPr>"
                                 "<w:p><w:pPr><w:pStyle w:val=\"TableTotal\"/></w:pPr>");
    /* only the leading head row repeats */
    const char *first = strstr(x->document, "<w:tblHeader/>");
    assert_non_null(first);
    assert_null(strstr(first + 1, "<w:tblHeader/>"));
    assert_contains(x->document, "<w:p><w:pPr><w:pStyle w:val=\"TableContents\"/><w:jc w:val=\"right\"/>");
    assert_contains(x->styles, "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>");
    /* the paragraph after a table is spaced from it */
    assert_contains(x->document, "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr>"
                                 "<w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>"
                                 "<w:spacing w:before=\"200\"/></w:pPr>");
}

static void test_docx__ordered_lists_restart(void **state)
{
    docx *x = *state;
    assert_contains(x->document, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr>"
                                 "</w:pPr><w:r><w:t xml:space=\"preserve\">un</w:t>");
    assert_contains(x->numbering, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
    assert_contains(x->numbering, "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride"
                                  " w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
                                  "<w:num w:numId=\"3\">");
    assert_null(strstr(x->numbering, "w:numId=\"4\""));
    assert_contains(x->numbering, "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>");
}

static void test_docx__footer_page_fields_and_cover(void **state)
{
    docx *x = *state;
    assert_contains(x->footer, "<w:t xml:space=\"preserve\">F\xC3\xA9" "d\xC3\xA9ration Wallonie-Bruxelles"
                               "</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Page </w:t></w:r>"
                               "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                               "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>"
                               "<w:fldSimple w:instr=\" NUMPAGES \">");
    /* the cover page has no header or footer; A4 */
    assert_contains(x->document, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>");
    assert_contains(x->document, "<w:titlePg/></w:sectPr>");
    assert_contains(x->document, "<w:body><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>");
    assert_contains(x->document, "<w:p><w:pPr><w:pStyle w:val=\"CoverLabel\"/></w:pPr>"
                                 "<w:r><w:t xml:space=\"preserve\">R\xC3\xA9" "f\xC3\xA9rence</w:t></w:r></w:p>");
    assert_contains(x->styles, "<w:lang w:val=\"fr-BE\" w:eastAsia=\"fr-BE\" w:bidi=\"ar-SA\"/>");
}

static void test_docx__core_properties_from_epoch(void **state)
{
    docx *x = *state;
    assert_contains(x->core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z</dcterms:created>"
                             "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z"
                             "</dcterms:modified>");
    assert_contains(x->core, "<cp:keywords>march\xC3\xA9 public, FWB ; ordinateurs</cp:keywords>");
    assert_contains(x->core, "<dc:creator>PO de l'Ath\xC3\xA9n\xC3\xA9" "e</dc:creator>");
    assert_contains(x->core, "<dc:identifier>PO-2026-014/csc</dc:identifier>");
    assert_contains(x->app, "<Application>tenderpack</Application>");
}

static void test_docx__identical_bytes_twice(void **state)
{
    docx *x = *state;
    tp_buf again;
    fixture_render(&again, "docx", x->doc);
    assert_int_equal(again.len, x->zip.len);
    assert_memory_equal(again.data, x->zip.data, again.len);
    tp_buf_dispose(&again);
}

static void test_docx__empty_document_without_header(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_buf out;
    fixture_render(&out, "docx", doc);
    char *document = fixture_part(&out, "word/document.xml");
    char *types = fixture_part(&out, "[Content_Types].xml");
    char *header = fixture_part(&out, "word/header1.xml");
    assert_contains(document, "<w:body><w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr></w:p>"
                              "<w:sectPr><w:footerReference");
    assert_null(strstr(document, "titlePg"));
    assert_null(header);
    assert_null(strstr(types, "header1"));
    free(document);
    free(types);
    tp_buf_dispose(&out);
    tp_doc_free(doc);
}

static void test_docx__sample_passes_check_doc(void **state)
{
    fixture_check_sample("docx");
}

/* Each fixture test renders the fixture afresh. */
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_docx__package_parts_in_order),
        T(test_docx__headings_with_outline_level_and_bookmark),
        T(test_docx__toc_field_prefilled),
        T(test_docx__text_escaped_with_runs),
        T(test_docx__table_header_rows_grid_and_shading),
        T(test_docx__ordered_lists_restart),
        T(test_docx__footer_page_fields_and_cover),
        T(test_docx__core_properties_from_epoch),
        T(test_docx__identical_bytes_twice),
        cmocka_unit_test(test_docx__empty_document_without_header),
        cmocka_unit_test(test_docx__sample_passes_check_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
