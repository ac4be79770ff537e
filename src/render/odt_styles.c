/* ODT parts other than content.xml: styles.xml (common styles, page layout,
 * header and footer), meta.xml and the manifest. */
#include <string.h>

#include "../core/xmlw.h"
#include "odt_parts.h"
#include "render_int.h"

/* Metric-compatible with Arial/Helvetica; LibreOffice substitutes a close
 * font where it is missing. */
#define ODT_FONT "Liberation Sans"

const char tp_odt_namespaces[] =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "office:version=\"1.3\"";

/* Paragraph styles: name, display name, parent, class, then the inner XML. */
typedef struct par_style {
    const char *name, *display, *parent, *klass, *extra_attrs, *props;
} par_style;

static const par_style par_styles[] = {
    {"Standard", NULL, NULL, "text", NULL, NULL},
    {"Text_20_body", "Text body", "Standard", "text", NULL,
     "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.21cm\""
     " fo:line-height=\"115%\" fo:text-align=\"justify\"/>"},
    {"Heading", NULL, "Standard", "text", " style:next-style-name=\"Text_20_body\"",
     "<style:paragraph-properties fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\""
     " fo:keep-with-next=\"always\"/>"
     "<style:text-properties fo:color=\"#1f3864\" fo:font-size=\"12pt\" fo:font-weight=\"bold\"/>"},
    {"Heading_20_1", "Heading 1", "Heading", "text",
     " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"1\"",
     "<style:paragraph-properties fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.25cm\"/>"
     "<style:text-properties fo:font-size=\"15pt\"/>"},
    {"Heading_20_2", "Heading 2", "Heading", "text",
     " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"2\"",
     "<style:paragraph-properties fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.2cm\"/>"
     "<style:text-properties fo:font-size=\"13pt\"/>"},
    {"Heading_20_3", "Heading 3", "Heading", "text",
     " style:next-style-name=\"Text_20_body\" style:default-outline-level=\"3\"",
     "<style:paragraph-properties fo:margin-top=\"0.35cm\" fo:margin-bottom=\"0.15cm\"/>"
     "<style:text-properties fo:font-size=\"11.5pt\"/>"},
    {"Title", NULL, "Standard", "chapter", NULL,
     "<style:paragraph-properties fo:margin-top=\"5cm\" fo:margin-bottom=\"0.6cm\""
     " fo:text-align=\"center\"/>"
     "<style:text-properties fo:color=\"#1f3864\" fo:font-size=\"26pt\" fo:font-weight=\"bold\"/>"},
    {"Subtitle", NULL, "Standard", "chapter", NULL,
     "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.4cm\""
     " fo:text-align=\"center\"/><style:text-properties fo:font-size=\"14pt\"/>"},
    {"Cover_20_Field", "Cover Field", "Standard", "text", NULL, NULL},
    {"Cover_20_Label", "Cover Label", "Cover_20_Field", "text", NULL,
     "<style:text-properties fo:font-weight=\"bold\"/>"},
    {"List", NULL, "Text_20_body", "list", NULL,
     "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>"},
    {"Table_20_Contents", "Table Contents", "Standard", "extra", NULL,
     "<style:paragraph-properties fo:text-align=\"start\"/>"
     "<style:text-properties fo:font-size=\"9.5pt\"/>"},
    {"Table_20_Heading", "Table Heading", "Table_20_Contents", "extra", NULL,
     "<style:text-properties fo:font-weight=\"bold\"/>"},
    {"Table_20_Total", "Table Total", "Table_20_Contents", "extra", NULL,
     "<style:text-properties fo:font-weight=\"bold\"/>"},
    {"Contents_20_Heading", "Contents Heading", "Heading", "index", NULL,
     "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.4cm\"/>"
     "<style:text-properties fo:font-size=\"16pt\"/>"},
    {"Contents_20_1", "Contents 1", "Standard", "index", NULL,
     "<style:paragraph-properties fo:margin-left=\"0cm\" fo:margin-top=\"0.12cm\""
     " fo:margin-bottom=\"0.05cm\"><style:tab-stops><style:tab-stop style:position=\"17cm\""
     " style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/>"
     "</style:tab-stops></style:paragraph-properties>"
     "<style:text-properties fo:font-weight=\"bold\"/>"},
    {"Contents_20_2", "Contents 2", "Standard", "index", NULL,
     "<style:paragraph-properties fo:margin-left=\"0.5cm\" fo:margin-bottom=\"0.05cm\">"
     "<style:tab-stops><style:tab-stop style:position=\"16.5cm\" style:type=\"right\""
     " style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
     "</style:paragraph-properties>"},
    {"Contents_20_3", "Contents 3", "Standard", "index", NULL,
     "<style:paragraph-properties fo:margin-left=\"1cm\" fo:margin-bottom=\"0.05cm\">"
     "<style:tab-stops><style:tab-stop style:position=\"16cm\" style:type=\"right\""
     " style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
     "</style:paragraph-properties>"},
    {"Header", NULL, "Standard", "extra", NULL,
     "<style:paragraph-properties fo:text-align=\"end\" fo:padding-bottom=\"0.1cm\""
     " fo:border-bottom=\"0.5pt solid #808080\"/>"
     "<style:text-properties fo:color=\"#595959\" fo:font-size=\"8.5pt\"/>"},
    {"Footer", NULL, "Standard", "extra", NULL,
     "<style:paragraph-properties fo:padding-top=\"0.1cm\" fo:border-top=\"0.5pt solid #808080\">"
     "<style:tab-stops><style:tab-stop style:position=\"17cm\" style:type=\"right\"/>"
     "</style:tab-stops></style:paragraph-properties>"
     "<style:text-properties fo:color=\"#595959\" fo:font-size=\"8.5pt\"/>"},
};

static void write_par_styles(tp_buf *b)
{
    for (size_t i = 0; i < sizeof par_styles / sizeof par_styles[0]; i++) {
        const par_style *s = &par_styles[i];
        tp_buf_printf(b, "<style:style style:name=\"%s\"", s->name);
        if (s->display)
            tp_buf_printf(b, " style:display-name=\"%s\"", s->display);
        tp_buf_puts(b, " style:family=\"paragraph\"");
        if (s->parent)
            tp_buf_printf(b, " style:parent-style-name=\"%s\"", s->parent);
        tp_buf_printf(b, " style:class=\"%s\"%s", s->klass, s->extra_attrs ? s->extra_attrs : "");
        if (s->props)
            tp_buf_printf(b, ">%s</style:style>", s->props);
        else
            tp_buf_puts(b, "/>");
    }
}

/* Lists: label-alignment mode, as LibreOffice and Word both lay it out. */
static void write_list_styles(tp_buf *b)
{
    static const char props[] =
        "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
        "<style:list-level-label-alignment text:label-followed-by=\"listtab\""
        " text:list-tab-stop-position=\"1cm\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"1cm\"/>"
        "</style:list-level-properties>";
    tp_buf_printf(b, "<text:list-style style:name=\"L_Bullet\" style:display-name=\"Puces\">"
                     "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\xE2\x80\xA2\">"
                     "%s</text:list-level-style-bullet></text:list-style>",
                  props);
    tp_buf_printf(b, "<text:list-style style:name=\"L_Number\" style:display-name=\"Num\xC3\xA9ros\">"
                     "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\""
                     " style:num-format=\"1\">%s</text:list-level-style-number></text:list-style>",
                  props);
}

/* Headings carry their number as text, so the outline itself is unnumbered. */
static void write_outline_style(tp_buf *b)
{
    tp_buf_puts(b, "<text:outline-style style:name=\"Outline\">");
    for (int level = 1; level <= 10; level++)
        tp_buf_printf(b, "<text:outline-level-style text:level=\"%d\" style:num-format=\"\"/>",
                      level);
    tp_buf_puts(b, "</text:outline-style>");
}

static void write_page_layouts(tp_buf *b)
{
    static const char page[] = "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
                               " style:print-orientation=\"portrait\" style:num-format=\"1\""
                               " fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"";
    tp_buf_printf(b,
                  "<style:page-layout style:name=\"pm1\"><style:page-layout-properties %s"
                  " fo:margin-top=\"1.2cm\" fo:margin-bottom=\"1.2cm\"/>"
                  "<style:header-style><style:header-footer-properties fo:min-height=\"0cm\""
                  " fo:margin-bottom=\"0.5cm\"/></style:header-style>"
                  "<style:footer-style><style:header-footer-properties fo:min-height=\"0cm\""
                  " fo:margin-top=\"0.5cm\"/></style:footer-style></style:page-layout>",
                  page);
    tp_buf_printf(b,
                  "<style:page-layout style:name=\"pm2\"><style:page-layout-properties %s"
                  " fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\"/></style:page-layout>",
                  page);
}

static void write_master_pages(tp_buf *b, const tp_doc *doc)
{
    tp_buf_puts(b, "<office:master-styles>"
                   "<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\">");
    if (doc->header && *doc->header) {
        tp_buf_puts(b, "<style:header><text:p text:style-name=\"Header\">");
        tp_xmlw_text(b, doc->header);
        tp_buf_puts(b, "</text:p></style:header>");
    }
    tp_buf_puts(b, "<style:footer><text:p text:style-name=\"Footer\">");
    tp_xmlw_text(b, doc->footer);
    tp_buf_puts(b, "<text:tab/>Page <text:page-number text:select-page=\"current\">1"
                   "</text:page-number> / <text:page-count>1</text:page-count>"
                   "</text:p></style:footer></style:master-page>"
                   "<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\""
                   " style:page-layout-name=\"pm2\" style:next-style-name=\"Standard\"/>"
                   "</office:master-styles>");
}

void tp_odt_styles_xml(tp_buf *b, const tp_doc *doc)
{
    char lang[4], country[4];
    tp_render_lang(doc, lang, country);
    tp_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<office:document-styles %s><office:font-face-decls>"
                     "<style:font-face style:name=\"" ODT_FONT "\" svg:font-family=\"'" ODT_FONT
                     "'\" style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"
                     "</office:font-face-decls><office:styles>",
                  tp_odt_namespaces);
    tp_buf_printf(b, "<style:default-style style:family=\"paragraph\">"
                     "<style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\""
                     " style:writing-mode=\"lr-tb\"/>"
                     "<style:text-properties style:font-name=\"" ODT_FONT "\" fo:font-size=\"10.5pt\""
                     " fo:language=\"%s\" fo:country=\"%s\" fo:hyphenate=\"false\"/>"
                     "</style:default-style>",
                  lang, country);
    write_par_styles(b);
    tp_buf_puts(b, "<style:style style:name=\"Emphasis\" style:family=\"text\">"
                   "<style:text-properties fo:font-style=\"italic\"/></style:style>"
                   "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\""
                   " style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/>"
                   "</style:style>"
                   "<style:style style:name=\"Index_20_Link\" style:display-name=\"Index Link\""
                   " style:family=\"text\"/>");
    write_outline_style(b);
    write_list_styles(b);
    tp_buf_puts(b, "</office:styles><office:automatic-styles>");
    write_page_layouts(b);
    tp_buf_puts(b, "</office:automatic-styles>");
    write_master_pages(b, doc);
    tp_buf_puts(b, "</office:document-styles>\n");
}

static void element(tp_buf *b, const char *name, const char *text)
{
    if (!text || !*text)
        return;
    tp_buf_printf(b, "<%s>", name);
    tp_xmlw_text(b, text);
    tp_buf_printf(b, "</%s>", name);
}

/* One meta:keyword per comma- or semicolon-separated keyword. */
static void keywords(tp_buf *b, const char *s)
{
    while (s && *s) {
        size_t len = strcspn(s, ",;");
        const char *start = s, *end = s + len;
        while (start < end && (*start == ' ' || *start == '\t'))
            start++;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end > start) {
            tp_buf_puts(b, "<meta:keyword>");
            tp_xmlw_textn(b, start, (size_t)(end - start));
            tp_buf_puts(b, "</meta:keyword>");
        }
        s += len;
        if (*s)
            s++;
    }
}

void tp_odt_meta_xml(tp_buf *b, const tp_doc *doc, const tp_render_opts *opts)
{
    char when[21], lang[4], country[4];
    tp_xmlw_datetime(when, opts ? opts->epoch : 0);
    tp_render_lang(doc, lang, country);
    tp_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<office:document-meta %s><office:meta>"
                     "<meta:generator>tenderpack</meta:generator>",
                  tp_odt_namespaces);
    element(b, "dc:title", doc->title);
    element(b, "dc:subject", doc->subject);
    keywords(b, doc->keywords);
    element(b, "meta:initial-creator", doc->author);
    element(b, "dc:creator", doc->author);
    tp_buf_printf(b, "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
                     "<dc:language>%s-%s</dc:language>",
                  when, when, lang, country);
    if (opts && opts->identifier && *opts->identifier) {
        tp_buf_puts(b, "<meta:user-defined meta:name=\"Identifier\">");
        tp_xmlw_text(b, opts->identifier);
        tp_buf_puts(b, "</meta:user-defined>");
    }
    tp_buf_puts(b, "</office:meta></office:document-meta>\n");
}

/* LibreOffice setting: a justified line ended by a line break is not stretched
 * (the PDF and Word behave so too). */
void tp_odt_settings_xml(tp_buf *b)
{
    tp_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<office:document-settings %s"
                     " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\">"
                     "<office:settings><config:config-item-set config:name=\"ooo:configuration-settings\">"
                     "<config:config-item config:name=\"DoNotJustifyLinesWithManualBreak\""
                     " config:type=\"boolean\">true</config:config-item>"
                     "</config:config-item-set></office:settings></office:document-settings>\n",
                  tp_odt_namespaces);
}

void tp_odt_manifest_xml(tp_buf *b)
{
    tp_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                   " manifest:version=\"1.3\">"
                   "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                   " manifest:media-type=\"" TP_ODT_MIME "\"/>"
                   "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                   "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
                   "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                   "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
                   "</manifest:manifest>\n");
}
