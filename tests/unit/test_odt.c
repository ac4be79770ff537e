#include "tp_test.h"

#include "render_fixture.h"

typedef struct odt {
    tp_doc *doc;
    tp_buf zip;
    char *content, *styles, *meta, *manifest, *settings;
} odt;

static int setup(void **state)
{
    odt *o = xcalloc(1, sizeof *o);
    o->doc = fixture_doc();
    fixture_render(&o->zip, "odt", o->doc);
    o->content = fixture_part(&o->zip, "content.xml");
    o->styles = fixture_part(&o->zip, "styles.xml");
    o->meta = fixture_part(&o->zip, "meta.xml");
    o->manifest = fixture_part(&o->zip, "META-INF/manifest.xml");
    o->settings = fixture_part(&o->zip, "settings.xml");
    *state = o;
    return 0;
}

static int teardown(void **state)
{
    odt *o = *state;
    free(o->content);
    free(o->styles);
    free(o->meta);
    free(o->manifest);
    free(o->settings);
    tp_buf_dispose(&o->zip);
    tp_doc_free(o->doc);
    free(o);
    return 0;
}

#define assert_contains(hay, needle) assert_non_null(strstr((hay), (needle)))

static void test_odt__package_order_and_stored_mimetype(void **state)
{
    odt *o = *state;
    const char *mime = "application/vnd.oasis.opendocument.text";
    assert_memory_equal(o->zip.data + 30, "mimetype", 8);
    assert_memory_equal(o->zip.data + 38, mime, strlen(mime));
    assert_int_equal(o->zip.data[8], 0); /* stored */
    const char *order[] = {"mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml",
                           "META-INF/manifest.xml"};
    char name[64];
    for (zip_uint64_t i = 0; i < 6; i++)
        assert_string_equal(fixture_entry(&o->zip, i, name, sizeof name), order[i]);
    assert_string_equal(fixture_entry(&o->zip, 6, name, sizeof name), "");
    assert_contains(o->manifest, "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                                 " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>");
    for (int i = 1; i < 5; i++) {
        char entry[96];
        snprintf(entry, sizeof entry, "manifest:full-path=\"%s\"", order[i]);
        assert_contains(o->manifest, entry);
    }
}

static void test_odt__parts_are_wellformed_odf_1_3(void **state)
{
    odt *o = *state;
    fixture_assert_wellformed(o->content, "content.xml");
    fixture_assert_wellformed(o->styles, "styles.xml");
    fixture_assert_wellformed(o->meta, "meta.xml");
    fixture_assert_wellformed(o->settings, "settings.xml");
    fixture_assert_wellformed(o->manifest, "manifest.xml");
    assert_contains(o->content, "office:version=\"1.3\"");
    assert_contains(o->styles, "office:version=\"1.3\"");
    assert_contains(o->meta, "office:version=\"1.3\"");
}

static void test_odt__headings_have_outline_levels_and_numbers(void **state)
{
    odt *o = *state;
    /* after the TOC: a new page (automatic style P2 = Heading 1 + break) */
    assert_contains(o->content, "<text:h text:style-name=\"P2\" text:outline-level=\"1\">"
                                "<text:bookmark-start text:name=\"s1\"/>1 Objet"
                                "<text:bookmark-end text:name=\"s1\"/></text:h>");
    assert_contains(o->content, "<style:style style:name=\"P2\" style:family=\"paragraph\""
                                " style:parent-style-name=\"Heading_20_1\">"
                                "<style:paragraph-properties fo:break-before=\"page\"/>");
    assert_contains(o->content, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">"
                                "<text:bookmark-start text:name=\"s1-1\"/>1.1 D\xC3\xA9tail");
    assert_contains(o->content, "<text:h text:style-name=\"P2\" text:outline-level=\"1\">"
                                "<text:bookmark-start text:name=\"annex-A\"/>"
                                "Annexe A \xE2\x80\x94 Formulaire");
    assert_contains(o->styles, "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\""
                               " style:family=\"paragraph\" style:parent-style-name=\"Heading\""
                               " style:class=\"text\" style:next-style-name=\"Text_20_body\""
                               " style:default-outline-level=\"2\">");
}

static void test_odt__text_is_escaped_and_spaces_kept(void **state)
{
    odt *o = *state;
    assert_contains(o->content,
                    "<text:p text:style-name=\"Text_20_body\">A &amp; B &lt; C &quot;q&quot; "
                    "x\xEF\xBF\xBDy <text:s/>z<text:tab/>t "
                    "<text:span text:style-name=\"Strong_20_Emphasis\">gras</text:span>"
                    "<text:span text:style-name=\"Emphasis\">ital "
                    "<text:span text:style-name=\"Strong_20_Emphasis\">both</text:span></text:span>"
                    "<text:line-break/>ligne 2</text:p>");
    assert_null(strchr(o->content, '\x01'));
    assert_contains(o->styles, "<text:p text:style-name=\"Header\">CSC PO-1 &amp; co</text:p>");
    assert_contains(o->meta, "<dc:title>CSC &lt;n\xC2\xB0" "1&gt; &amp; annexes</dc:title>");
}

static void test_odt__tables_repeat_head_rows_with_widths(void **state)
{
    odt *o = *state;
    assert_contains(o->content,
                    "<table:table table:name=\"Tableau2\" table:style-name=\"Tbl2\">"
                    "<table:table-column table:style-name=\"Tbl2.C1\"/>"
                    "<table:table-column table:style-name=\"Tbl2.C2\"/>"
                    "<table:table-header-rows><table:table-row>"
                    "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                    "<text:p text:style-name=\"P3\">N\xC2\xB0</text:p></table:table-cell>"
                    "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                    "<text:p text:style-name=\"Table_20_Heading\">Libell\xC3\xA9</text:p>"
                    "</table:table-cell></table:table-row></table:table-header-rows>"
                    "<table:table-row><table:table-cell table:style-name=\"CellBody\"");
    assert_contains(o->content, "<style:style style:name=\"Tbl2.C1\" style:family=\"table-column\">"
                                "<style:table-column-properties style:column-width=\"5.100cm\""
                                " style:rel-column-width=\"3000*\"/>");
    assert_contains(o->content, "<style:table-column-properties style:column-width=\"11.900cm\"");
    /* foot row: spanned cell then a covered one */
    assert_contains(o->content, "<table:table-cell table:style-name=\"CellFoot\" office:value-type=\"string\""
                                " table:number-columns-spanned=\"2\"><text:p text:style-name=\"Table_20_Total\">"
                                "Total</text:p></table:table-cell><table:covered-table-cell/>");
    /* a head row below body rows is not repeated: only one header-rows block */
    const char *first = strstr(o->content, "<table:table-header-rows>");
    assert_null(strstr(first + 1, "<table:table-header-rows>"));
    assert_contains(o->content, "<table:table-row><table:table-cell table:style-name=\"CellHead\""
                                " office:value-type=\"string\"><text:p text:style-name=\"Table_20_Heading\">"
                                "Tard</text:p>");
    assert_contains(o->content, "<style:paragraph-properties fo:text-align=\"right\"/>");
}

static void test_odt__toc_is_prefilled_with_page_references(void **state)
{
    odt *o = *state;
    assert_contains(o->content, "<text:table-of-content text:name=\"Table des mati\xC3\xA8res\">"
                                "<text:table-of-content-source text:outline-level=\"3\">");
    assert_contains(o->content,
                    "<text:p text:style-name=\"Contents_20_2\"><text:a xlink:type=\"simple\""
                    " xlink:href=\"#s1-1\" text:style-name=\"Index_20_Link\""
                    " text:visited-style-name=\"Index_20_Link\">1.1 D\xC3\xA9tail<text:tab/>"
                    "<text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"s1-1\">"
                    "</text:bookmark-ref></text:a></text:p>");
    assert_contains(o->content, ">Annexe A \xE2\x80\x94 Formulaire<text:tab/>");
}

static void test_odt__cover_has_own_page_then_break(void **state)
{
    odt *o = *state;
    assert_contains(o->content, "<office:text><text:p text:style-name=\"P1\">Cahier sp\xC3\xA9"
                                "cial des charges</text:p>");
    assert_contains(o->content, "<style:style style:name=\"P1\" style:family=\"paragraph\""
                                " style:parent-style-name=\"Title\" style:master-page-name=\"First_20_Page\">");
    /* the cover fields table ends the cover page */
    assert_contains(o->content, "<style:style style:name=\"Tbl1\" style:family=\"table\">"
                                "<style:table-properties style:width=\"17.000cm\" table:align=\"margins\""
                                " fo:margin-top=\"1.2cm\" fo:break-after=\"page\"/>");
    assert_contains(o->content, "<text:p text:style-name=\"Cover_20_Label\">R\xC3\xA9" "f\xC3\xA9rence</text:p>");
}

static void test_odt__page_layout_header_and_footer(void **state)
{
    odt *o = *state;
    assert_contains(o->styles, "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\"");
    assert_contains(o->styles, "<style:footer><text:p text:style-name=\"Footer\">F\xC3\xA9" "d\xC3\xA9ration"
                               " Wallonie-Bruxelles<text:tab/>Page <text:page-number"
                               " text:select-page=\"current\">1</text:page-number> / "
                               "<text:page-count>1</text:page-count></text:p></style:footer>");
    assert_contains(o->styles, "fo:language=\"fr\" fo:country=\"BE\"");
    assert_contains(o->styles, "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\"");
    assert_contains(o->content, "<text:list text:style-name=\"L_Number\"><text:list-item>"
                                "<text:p text:style-name=\"List\">un</text:p></text:list-item>");
}

static void test_odt__meta_from_epoch_and_doc(void **state)
{
    odt *o = *state;
    assert_contains(o->meta, "<meta:generator>tenderpack</meta:generator>");
    assert_contains(o->meta, "<meta:creation-date>2026-12-01T00:00:00Z</meta:creation-date>"
                             "<dc:date>2026-12-01T00:00:00Z</dc:date>");
    assert_contains(o->meta, "<meta:keyword>march\xC3\xA9 public</meta:keyword><meta:keyword>FWB</meta:keyword>"
                             "<meta:keyword>ordinateurs</meta:keyword>");
    assert_contains(o->meta, "<meta:initial-creator>PO de l'Ath\xC3\xA9n\xC3\xA9" "e</meta:initial-creator>");
    assert_contains(o->meta, "<dc:subject>Fournitures</dc:subject>");
    assert_contains(o->meta, "<meta:user-defined meta:name=\"Identifier\">PO-2026-014/csc</meta:user-defined>");
}

static void test_odt__identical_bytes_twice(void **state)
{
    odt *o = *state;
    tp_buf again;
    fixture_render(&again, "odt", o->doc);
    assert_int_equal(again.len, o->zip.len);
    assert_memory_equal(again.data, o->zip.data, again.len);
    tp_buf_dispose(&again);
}

static void test_odt__empty_document_renders(void **state)
{
    tp_doc *doc = tp_doc_new();
    tp_buf out;
    fixture_render(&out, "odt", doc);
    char *content = fixture_part(&out, "content.xml");
    assert_non_null(content);
    assert_contains(content, "<office:text></office:text>");
    fixture_assert_wellformed(content, "content.xml");
    char *styles = fixture_part(&out, "styles.xml");
    assert_null(strstr(styles, "<style:header>")); /* no header text: no header */
    free(content);
    free(styles);
    tp_buf_dispose(&out);
    tp_doc_free(doc);
}

static void test_odt__renderer_table(void **state)
{
    const tp_renderer *r = tp_renderer_find("odt");
    assert_non_null(r);
    assert_string_equal(r->extension, ".odt");
    assert_string_equal(r->mime, "application/vnd.oasis.opendocument.text");
    assert_ptr_equal(r->render, tp_render_odt);
    assert_non_null(tp_renderer_find("pdf"));
    assert_non_null(tp_renderer_find("docx"));
    assert_null(tp_renderer_find("rtf"));
    assert_null(tp_renderer_find(NULL));
    assert_int_equal(tp_renderer_count, 3);
}

static void test_odt__sample_passes_check_doc(void **state)
{
    fixture_check_sample("odt");
}

/* Each fixture test renders the fixture afresh. */
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_odt__package_order_and_stored_mimetype),
        T(test_odt__parts_are_wellformed_odf_1_3),
        T(test_odt__headings_have_outline_levels_and_numbers),
        T(test_odt__text_is_escaped_and_spaces_kept),
        T(test_odt__tables_repeat_head_rows_with_widths),
        T(test_odt__toc_is_prefilled_with_page_references),
        T(test_odt__cover_has_own_page_then_break),
        T(test_odt__page_layout_header_and_footer),
        T(test_odt__meta_from_epoch_and_doc),
        T(test_odt__identical_bytes_twice),
        cmocka_unit_test(test_odt__empty_document_renders),
        cmocka_unit_test(test_odt__renderer_table),
        cmocka_unit_test(test_odt__sample_passes_check_doc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
