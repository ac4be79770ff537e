/* DOCX parts other than word/document.xml: package plumbing (content types,
 * relationships), styles, numbering, settings, header, footer and document
 * properties. */
#include "docx_parts.h"

#include "../core/xmlw.h"
#include "render_int.h"

/* Word's own default sans font; LibreOffice maps it to the metric-compatible
 * Liberation Sans. */
#define DOCX_FONT "Arial"

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define CT_PREFIX "application/vnd.openxmlformats-officedocument."
#define REL_PREFIX "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

void tp_docx_content_types(tp_buf *b, bool has_header)
{
    tp_buf_puts(b, XML_DECL
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_PREFIX
                "wordprocessingml.document.main+xml\"/>"
                "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_PREFIX
                "wordprocessingml.styles+xml\"/>"
                "<Override PartName=\"/word/numbering.xml\" ContentType=\"" CT_PREFIX
                "wordprocessingml.numbering+xml\"/>"
                "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_PREFIX
                "wordprocessingml.settings+xml\"/>");
    if (has_header)
        tp_buf_puts(b, "<Override PartName=\"/word/header1.xml\" ContentType=\"" CT_PREFIX
                       "wordprocessingml.header+xml\"/>");
    tp_buf_puts(b, "<Override PartName=\"/word/footer1.xml\" ContentType=\"" CT_PREFIX
                   "wordprocessingml.footer+xml\"/>"
                   "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                   "<Override PartName=\"/docProps/app.xml\" ContentType=\"" CT_PREFIX
                   "extended-properties+xml\"/>"
                   "</Types>\n");
}

void tp_docx_package_rels(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"" REL_PREFIX "officeDocument\" Target=\"word/document.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
                " Target=\"docProps/core.xml\"/>"
                "<Relationship Id=\"rId3\" Type=\"" REL_PREFIX "extended-properties\" Target=\"docProps/app.xml\"/>"
                "</Relationships>\n");
}

void tp_docx_document_rels(tp_buf *b, bool has_header)
{
    tp_buf_puts(b, XML_DECL
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"" REL_PREFIX "styles\" Target=\"styles.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"" REL_PREFIX "numbering\" Target=\"numbering.xml\"/>"
                "<Relationship Id=\"rId3\" Type=\"" REL_PREFIX "settings\" Target=\"settings.xml\"/>");
    if (has_header)
        tp_buf_puts(b, "<Relationship Id=\"" TP_DOCX_RID_HEADER "\" Type=\"" REL_PREFIX
                       "header\" Target=\"header1.xml\"/>");
    tp_buf_puts(b, "<Relationship Id=\"" TP_DOCX_RID_FOOTER "\" Type=\"" REL_PREFIX
                   "footer\" Target=\"footer1.xml\"/>"
                   "</Relationships>\n");
}

/* Paragraph styles: id, name, basedOn, next, then the pPr and rPr content
 * (each already in schema order). */
typedef struct docx_style {
    const char *id, *name, *based_on, *next, *ppr, *rpr;
} docx_style;

#define RIGHT_TAB_DOTS "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9638\"/></w:tabs>"

static const docx_style par_styles[] = {
    {"BodyText", "Body Text", "Normal", NULL, "<w:spacing w:after=\"120\" w:line=\"276\""
     " w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>", NULL},
    {"Title", "Title", "Normal", "Subtitle",
     "<w:spacing w:before=\"2835\" w:after=\"340\"/><w:jc w:val=\"center\"/>",
     "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>"},
    {"Subtitle", "Subtitle", "Normal", NULL, "<w:spacing w:after=\"227\"/><w:jc w:val=\"center\"/>",
     "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"},
    {"CoverField", "Cover Field", "Normal", NULL, NULL, NULL},
    {"CoverLabel", "Cover Label", "CoverField", NULL, NULL, "<w:b/><w:bCs/>"},
    {"Heading1", "heading 1", "Normal", "BodyText",
     "<w:keepNext/><w:keepLines/><w:spacing w:before=\"340\" w:after=\"142\"/><w:outlineLvl w:val=\"0\"/>",
     "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>"},
    {"Heading2", "heading 2", "Normal", "BodyText",
     "<w:keepNext/><w:keepLines/><w:spacing w:before=\"255\" w:after=\"113\"/><w:outlineLvl w:val=\"1\"/>",
     "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"},
    {"Heading3", "heading 3", "Normal", "BodyText",
     "<w:keepNext/><w:keepLines/><w:spacing w:before=\"198\" w:after=\"85\"/><w:outlineLvl w:val=\"2\"/>",
     "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"23\"/><w:szCs w:val=\"23\"/>"},
    {"TOCHeading", "TOC Heading", "Heading1", "Normal",
     "<w:spacing w:before=\"0\" w:after=\"227\"/><w:outlineLvl w:val=\"9\"/>",
     "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"},
    {"TOC1", "toc 1", "Normal", "Normal", RIGHT_TAB_DOTS "<w:spacing w:before=\"68\" w:after=\"28\"/>",
     "<w:b/><w:bCs/>"},
    {"TOC2", "toc 2", "Normal", "Normal", RIGHT_TAB_DOTS "<w:spacing w:after=\"28\"/><w:ind w:left=\"283\"/>",
     NULL},
    {"TOC3", "toc 3", "Normal", "Normal", RIGHT_TAB_DOTS "<w:spacing w:after=\"28\"/><w:ind w:left=\"567\"/>",
     NULL},
    {"ListParagraph", "List Paragraph", "BodyText", NULL, "<w:spacing w:after=\"57\"/>", NULL},
    {"TableContents", "Table Contents", "Normal", NULL, NULL,
     "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>"},
    {"TableHeading", "Table Heading", "TableContents", NULL, NULL, "<w:b/><w:bCs/>"},
    {"TableTotal", "Table Total", "TableContents", NULL, NULL, "<w:b/><w:bCs/>"},
    {"Header", "header", "Normal", NULL,
     "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"3\" w:color=\"808080\"/></w:pBdr>"
     "<w:jc w:val=\"right\"/>",
     "<w:color w:val=\"595959\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"},
    {"Footer", "footer", "Normal", NULL,
     "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"3\" w:color=\"808080\"/></w:pBdr>"
     "<w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs>",
     "<w:color w:val=\"595959\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"},
};

void tp_docx_styles(tp_buf *b, const tp_doc *doc)
{
    char lang[4], country[4];
    tp_render_lang(doc, lang, country);
    tp_buf_printf(b, XML_DECL "<w:styles xmlns:w=\"" TP_DOCX_NS_W "\">"
                  "<w:docDefaults><w:rPrDefault><w:rPr>"
                  "<w:rFonts w:ascii=\"" DOCX_FONT "\" w:hAnsi=\"" DOCX_FONT "\" w:eastAsia=\""
                  DOCX_FONT "\" w:cs=\"" DOCX_FONT "\"/>"
                  "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
                  "<w:lang w:val=\"%s-%s\" w:eastAsia=\"%s-%s\" w:bidi=\"ar-SA\"/>"
                  "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                  "<w:widowControl/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                  "</w:pPr></w:pPrDefault></w:docDefaults>"
                  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                  "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
                  "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
                  "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
                  "<w:semiHidden/><w:unhideWhenUsed/></w:style>"
                  "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
                  "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:unhideWhenUsed/>"
                  "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
                  "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                  "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
                  "</w:tblCellMar></w:tblPr></w:style>"
                  "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\">"
                  "<w:name w:val=\"No List\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
                  lang, country, lang, country);
    for (size_t i = 0; i < sizeof par_styles / sizeof par_styles[0]; i++) {
        const docx_style *s = &par_styles[i];
        tp_buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>"
                         "<w:basedOn w:val=\"%s\"/>",
                      s->id, s->name, s->based_on);
        if (s->next)
            tp_buf_printf(b, "<w:next w:val=\"%s\"/>", s->next);
        tp_buf_puts(b, "<w:qFormat/>");
        if (s->ppr)
            tp_buf_printf(b, "<w:pPr>%s</w:pPr>", s->ppr);
        if (s->rpr)
            tp_buf_printf(b, "<w:rPr>%s</w:rPr>", s->rpr);
        tp_buf_puts(b, "</w:style>");
    }
    static const char border[] = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>";
    tp_buf_printf(b, "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
                     "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
                     "<w:top %s<w:left %s<w:bottom %s<w:right %s<w:insideH %s<w:insideV %s"
                     "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/>"
                     "<w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/>"
                     "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
                     "</w:styles>\n",
                  border, border, border, border, border, border);
}

static void abstract_num(tp_buf *b, int id, const char *fmt, const char *text)
{
    tp_buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType w:val=\"singleLevel\"/>"
                     "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"%s\"/>"
                     "<w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/>"
                     "<w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum>",
                  id, fmt, text);
}

void tp_docx_numbering(tp_buf *b, int ordered_lists)
{
    tp_buf_puts(b, XML_DECL "<w:numbering xmlns:w=\"" TP_DOCX_NS_W "\">");
    abstract_num(b, 0, "bullet", "\xE2\x80\xA2");
    abstract_num(b, 1, "decimal", "%1.");
    tp_buf_printf(b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"0\"/></w:num>",
                  TP_DOCX_NUM_BULLET);
    for (int i = 0; i < ordered_lists; i++)
        tp_buf_printf(b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"1\"/>"
                         "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                         "</w:num>",
                      TP_DOCX_NUM_FIRST_ORDERED + i);
    tp_buf_puts(b, "</w:numbering>\n");
}

/* updateFields: Word offers to refresh the TOC page numbers on opening.
 * doNotExpandShiftReturn: a justified line ended by a line break is not stretched. */
void tp_docx_settings(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL "<w:settings xmlns:w=\"" TP_DOCX_NS_W "\">"
                "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"709\"/>"
                "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
                "<w:updateFields w:val=\"true\"/>"
                "<w:compat><w:doNotExpandShiftReturn/>"
                "<w:compatSetting w:name=\"compatibilityMode\""
                " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                "</w:settings>\n");
}

void tp_docx_header(tp_buf *b, const tp_doc *doc)
{
    tp_buf_puts(b, XML_DECL "<w:hdr xmlns:w=\"" TP_DOCX_NS_W "\" xmlns:r=\"" TP_DOCX_NS_R "\">"
                "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>");
    if (doc->header && *doc->header) {
        tp_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
        tp_xmlw_text(b, doc->header);
        tp_buf_puts(b, "</w:t></w:r>");
    }
    tp_buf_puts(b, "</w:p></w:hdr>\n");
}

void tp_docx_footer(tp_buf *b, const tp_doc *doc)
{
    tp_buf_puts(b, XML_DECL "<w:ftr xmlns:w=\"" TP_DOCX_NS_W "\" xmlns:r=\"" TP_DOCX_NS_R "\">"
                "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
    if (doc->footer && *doc->footer) {
        tp_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
        tp_xmlw_text(b, doc->footer);
        tp_buf_puts(b, "</w:t></w:r>");
    }
    tp_buf_puts(b, "<w:r><w:tab/><w:t xml:space=\"preserve\">Page </w:t></w:r>"
                   "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                   "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>"
                   "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                   "</w:p></w:ftr>\n");
}

static void element(tp_buf *b, const char *name, const char *text)
{
    if (!text || !*text)
        return;
    tp_buf_printf(b, "<%s>", name);
    tp_xmlw_text(b, text);
    tp_buf_printf(b, "</%s>", name);
}

void tp_docx_core(tp_buf *b, const tp_doc *doc, const tp_render_opts *opts)
{
    char when[21], lang[4], country[4];
    tp_xmlw_datetime(when, opts ? opts->epoch : 0);
    tp_render_lang(doc, lang, country);
    tp_buf_puts(b, XML_DECL
                "<cp:coreProperties"
                " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
                " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
    element(b, "dc:title", doc->title);
    element(b, "dc:subject", doc->subject);
    element(b, "dc:creator", doc->author);
    element(b, "cp:keywords", doc->keywords);
    if (opts)
        element(b, "dc:identifier", opts->identifier);
    tp_buf_printf(b, "<dc:language>%s-%s</dc:language>"
                     "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                     "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                     "</cp:coreProperties>\n",
                  lang, country, when, when);
}

void tp_docx_app(tp_buf *b)
{
    tp_buf_puts(b, XML_DECL
                "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
                " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
                "<Application>tenderpack</Application>"
                "<DocSecurity>0</DocSecurity></Properties>\n");
}
