/* The cahier spécial des charges templates (templates/csc/): real
 * tenders derived from samples/ go through csc.xsl; the result must be
 * a valid document (schemas/document.xsd), its wording must follow the
 * procedure band, the ESPD threshold, the lots and the PO's legal form, and
 * the whole chain (template -> document tree -> PDF) must work. */
#include "tp_test.h"

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "doc/doc.h"
#include "engine/engine.h"
#include "output/tender_xml.h"
#include "render/render.h"
#include "xml/xmlsafe.h"
#include "xslt/xslt.h"

#define NBSP "\xC2\xA0"
#define CSC "csc/csc.xsl"

static const char *const samples[] = {
    "01-small-libre-faible",
    "02-communal-chromebooks-pnspp",
    "03-provincial-multi-school-pndapp",
    "04-wbe-open-ted",
    "05-cocof-specialise-tablets-pnspp",
    "06-libre-nc-2025-old-thresholds",
    "07-central-authority-open",
    "08-libre-multi-lots-open-requested",
};

static tp_engine *engine;

static int group_setup(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_err rc = tp_engine_open(&engine, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    tp_diags_dispose(&d);
    return rc == TP_OK ? 0 : -1;
}

static int group_teardown(void **state)
{
    tp_engine_free(engine);
    tp_xslt_cleanup();
    tp_xml_cleanup();
    return 0;
}

/* The tender XML of samples/<name>.xml, as `tenderpack tender` writes it. */
static xmlDocPtr tender_xml(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/samples/%s.xml", TP_SOURCE_DIR, name);
    tp_diags d;
    tp_diags_init(&d);
    tp_tender *t = NULL;
    tp_profile *p = NULL;
    tp_err rc = tp_engine_tender_from_file(engine, &t, &p, path, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    tp_buf buf;
    tp_buf_init(&buf);
    tp_sink sink = tp_sink_buf(&buf);
    assert_int_equal(tp_tender_write_xml(t, &sink), TP_OK);
    xmlDocPtr doc = NULL;
    assert_int_equal(tp_xml_parse(&doc, tp_buf_cstr(&buf), buf.len, name, &d), TP_OK);
    tp_buf_dispose(&buf);
    tp_tender_free(t);
    tp_profile_free(p);
    tp_diags_dispose(&d);
    return doc;
}

/* Runs csc.xsl on a sample's tender and checks the result against document.xsd. */
static xmlDocPtr csc_with(const char *name, const char *const *params)
{
    xmlDocPtr in = tender_xml(name);
    xmlDocPtr out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    tp_err rc = tp_xslt_apply(&out, CSC, in, params, &d);
    if (rc == TP_OK)
        rc = tp_xsd_validate(out, "document.xsd", name, &d);
    if (rc != TP_OK || d.n > 0)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
    return out;
}

static xmlDocPtr csc(const char *name)
{
    return csc_with(name, NULL);
}

/* XPath 1.0 over the result, with d: = the document namespace; the string
 * value with whitespace normalised (U+00A0 is kept). Caller frees. */
static char *text_of(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "d", BAD_CAST "urn:tenderpack:document:1");
    char wrapped[512];
    snprintf(wrapped, sizeof wrapped, "normalize-space(%s)", expr);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST wrapped, ctx);
    assert_non_null(r);
    char *s = strdup((const char *)(r->stringval ? r->stringval : BAD_CAST ""));
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return s;
}

static double number_of(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "d", BAD_CAST "urn:tenderpack:document:1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(r);
    double v = xmlXPathCastToNumber(r);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return v;
}

#define SECTION(id) "//d:section[@id='" id "']"

static void assert_contains(xmlDocPtr doc, const char *expr, const char *needle)
{
    char *s = text_of(doc, expr);
    if (!strstr(s, needle))
        fail_msg("%s does not contain \"%s\":\n%s", expr, needle, s);
    free(s);
}

static void assert_cell(xmlDocPtr doc, const char *expr, const char *expected)
{
    char *s = text_of(doc, expr);
    if (strcmp(s, expected) != 0)
        fail_msg("%s is \"%s\", expected \"%s\"", expr, s, expected);
    free(s);
}

static void assert_lacks(xmlDocPtr doc, const char *expr, const char *needle)
{
    char *s = text_of(doc, expr);
    if (strstr(s, needle))
        fail_msg("%s contains \"%s\":\n%s", expr, needle, s);
    free(s);
}

/* ------------------------------------------------------------------ procedure bands */

static void test_csc__faible_montant_wording(void **state)
{
    xmlDocPtr doc = csc("01-small-libre-faible");
    assert_contains(doc, SECTION("procedure"), "Marché de faible montant — base légale" NBSP
                    ": Art. 92 de la loi du 17 juin 2016.");
    assert_contains(doc, SECTION("procedure"), "simple facture acceptée");
    assert_contains(doc, SECTION("procedure"), "30" NBSP "000,00" NBSP "€ hors TVA");
    assert_lacks(doc, SECTION("procedure"), "au moins trois opérateurs");
    assert_contains(doc, SECTION("publicite"), "ne fait pas l’objet d’une publication préalable");
    assert_contains(doc, SECTION("cautionnement"), "Aucun cautionnement n’est exigé.");
    assert_contains(doc, SECTION("conclusion"), "Aucun délai d’attente ne s’applique.");
    assert_lacks(doc, SECTION("selection"), "livraisons de matériel informatique");
    /* An ASBL decides through its board. */
    assert_contains(doc, SECTION("pouvoir-adjudicateur"),
                    "sont prises par le conseil d’administration de l’ASBL.");
    xmlFreeDoc(doc);
}

static void test_csc__pnspp_wording(void **state)
{
    xmlDocPtr doc = csc("02-communal-chromebooks-pnspp");
    assert_contains(doc, SECTION("procedure"),
                    "Procédure négociée sans publication préalable — base légale" NBSP
                    ": Art. 42, § 1er, 1°, a) de la loi du 17 juin 2016.");
    assert_contains(doc, SECTION("procedure"),
                    "consultation d’au moins trois opérateurs économiques");
    assert_contains(doc, SECTION("negociation"), "Les exigences minimales et les critères "
                                                 "d’attribution ne sont pas négociés.");
    assert_contains(doc, SECTION("regularite"), "permettre la régularisation");
    assert_contains(doc, SECTION("pouvoir-adjudicateur"), "sont prises par le collège communal.");
    assert_contains(doc, SECTION("pouvoir-adjudicateur"), "Marc Dewulf, Bourgmestre");
    assert_contains(doc, SECTION("conclusion"), "délai d’attente de 15" NBSP "jours");
    xmlFreeDoc(doc);
}

static void test_csc__pndapp_wording(void **state)
{
    xmlDocPtr doc = csc("03-provincial-multi-school-pndapp");
    assert_contains(doc, SECTION("procedure"), "inférieur au seuil européen de 216" NBSP
                    "000,00" NBSP "€ hors TVA");
    assert_contains(doc, SECTION("publicite"), "Bulletin des Adjudications");
    assert_lacks(doc, SECTION("publicite"), "Journal officiel");
    assert_contains(doc, SECTION("pouvoir-adjudicateur"), "sont prises par le collège provincial.");
    xmlFreeDoc(doc);
}

static void test_csc__open_above_eu_wording(void **state)
{
    xmlDocPtr doc = csc("04-wbe-open-ted");
    assert_contains(doc, SECTION("procedure"), "Procédure ouverte — base légale" NBSP
                    ": Art. 36 de la loi du 17 juin 2016.");
    assert_contains(doc, SECTION("procedure"), "Aucune négociation n’est possible");
    assert_int_equal((int)number_of(doc, "count(" SECTION("negociation") ")"), 0);
    assert_contains(doc, SECTION("publicite"),
                    "Journal officiel de l’Union européenne et au Bulletin des Adjudications");
    assert_contains(doc, SECTION("regularite"), "ne peut pas être régularisée");
    /* WBE is its own PO: no federation line, its own decision body. */
    assert_contains(doc, SECTION("pouvoir-adjudicateur"), "Organisme public autonome");
    assert_lacks(doc, SECTION("pouvoir-adjudicateur"), "Fédération de pouvoirs organisateurs");
    assert_contains(doc, SECTION("cautionnement"), "5" NBSP "% du montant initial du lot");
    xmlFreeDoc(doc);
}

static void test_csc__open_requested_below_eu(void **state)
{
    xmlDocPtr doc = csc("08-libre-multi-lots-open-requested");
    assert_contains(doc, SECTION("procedure"), "a choisi la procédure ouverte");
    assert_contains(doc, SECTION("publicite"), "Bulletin des Adjudications");
    assert_lacks(doc, SECTION("publicite"), "Journal officiel");
    assert_contains(doc, SECTION("exclusion"), "le DUME n’est pas exigé");
    xmlFreeDoc(doc);
}

/* ------------------------------------------------------------------ ESPD threshold */

static void test_csc__dume_only_at_or_above_eu_threshold(void **state)
{
    /* 04: sub-central, 245 700 € ≥ 216 000 €; 07: central authority, 153 600 € ≥ 140 000 €. */
    const char *above[] = {"04-wbe-open-ted", "07-central-authority-open"};
    const char *below[] = {"01-small-libre-faible", "02-communal-chromebooks-pnspp",
                           "03-provincial-multi-school-pndapp",
                           "06-libre-nc-2025-old-thresholds"};
    for (size_t i = 0; i < sizeof above / sizeof *above; i++) {
        xmlDocPtr doc = csc(above[i]);
        assert_contains(doc, SECTION("exclusion"),
                        "document unique de marché européen (DUME)");
        assert_lacks(doc, SECTION("exclusion"), "implicitement sur l’honneur");
        assert_contains(doc, SECTION("selection"), "partie IV du DUME");
        assert_contains(doc, "//d:annex[@id='annexe-offre']", "joint le DUME à son offre");
        xmlFreeDoc(doc);
    }
    for (size_t i = 0; i < sizeof below / sizeof *below; i++) {
        xmlDocPtr doc = csc(below[i]);
        assert_contains(doc, SECTION("exclusion"), "le DUME n’est pas exigé");
        assert_contains(doc, SECTION("exclusion"), "implicitement sur l’honneur");
        assert_lacks(doc, SECTION("exclusion"), "document unique de marché européen (DUME)");
        assert_lacks(doc, SECTION("offres"), "le DUME");
        xmlFreeDoc(doc);
    }
    xmlDocPtr central = csc("07-central-authority-open");
    assert_contains(central, SECTION("publicite"), "140" NBSP "000,00" NBSP
                    "€ hors TVA applicable aux marchés de fournitures des autorités "
                    "gouvernementales centrales");
    xmlFreeDoc(central);
}

/* ------------------------------------------------------------------ lots */

static void test_csc__one_technical_section_per_lot(void **state)
{
    const struct {
        const char *sample;
        int lots;
    } cases[] = {{"01-small-libre-faible", 1}, {"04-wbe-open-ted", 2},
                 {"08-libre-multi-lots-open-requested", 2}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xmlDocPtr doc = csc(cases[i].sample);
        int n = cases[i].lots;
        assert_int_equal((int)number_of(doc, "count(//d:section[starts-with(@id, "
                                             "'technique-lot-')])"), n);
        assert_int_equal((int)number_of(doc, "count(//d:section[starts-with(@id, "
                                             "'exigences-lot-')]/d:table)"), n);
        assert_int_equal((int)number_of(doc, "count(//d:section[starts-with(@id, "
                                             "'objet-lot-')])"), n);
        /* One price schedule and one questionnaire per lot. */
        assert_int_equal((int)number_of(doc, "count(//d:annex[@id='annexe-inventaire']/d:table)"),
                         n);
        assert_int_equal(
            (int)number_of(doc, "count(//d:annex[@id='annexe-questionnaire']/d:table)"), n);
        xmlFreeDoc(doc);
    }

    xmlDocPtr doc = csc("08-libre-multi-lots-open-requested");
    assert_contains(doc, "//d:section[@id='technique-lot-2']/d:heading",
                    "Lot 2" NBSP ": Tablettes avec étui-clavier");
    assert_contains(doc, SECTION("objet"), "Le marché est divisé en 2" NBSP "lots.");
    /* Requirement wording: operator in words, French decimals and units. */
#define REQ(lot, id, col) "//d:section[@id='exigences-lot-" lot "']/d:table/d:row[d:cell[1]='" id \
                          "']/d:cell[" col "]"
    assert_cell(doc, REQ("2", "weight", "3"), "au plus 0,55" NBSP "kg");
    assert_cell(doc, REQ("1", "ram", "3"), "au moins 8" NBSP "Go");
    assert_cell(doc, REQ("1", "ram", "4"), "Go");
    assert_cell(doc, REQ("1", "screen", "3"), "de 11,6 à 14" NBSP "pouces");
    assert_cell(doc, REQ("1", "cpu-benchmark", "3"), "au moins 4" NBSP "000" NBSP "points");
    assert_cell(doc, REQ("1", "wifi", "3"), "Wi-Fi 6, Wi-Fi 6E ou Wi-Fi 7");
    assert_cell(doc, REQ("1", "webcam", "3"), "Oui (exigé)");
    /* A calendar year is not grouped; a tightened requirement is flagged. */
    assert_cell(doc, REQ("1", "aue-year", "3"), "au moins 2033");
    assert_cell(doc, REQ("1", "aue-year", "2"),
                "Fin des mises à jour automatiques de ChromeOS (AUE), année (exigence "
                "renforcée *)");
    assert_cell(doc, REQ("1", "ram", "2"), "Mémoire vive (RAM)");
    assert_contains(doc, "//d:section[@id='exigences-lot-1']", "à peine d’exclusion");
    /* Scored features: scale floor to target, points, total. */
    assert_cell(doc, "//d:section[@id='cotation-lot-1']/d:table/d:row[d:cell[1]='weight']/d:cell[3]",
                "de 1,5" NBSP "kg à 1,1" NBSP "kg");
    assert_cell(doc, "//d:section[@id='cotation-lot-1']/d:table/d:row[d:cell[1]='weight']/d:cell[4]",
                "10");
    assert_cell(doc, "//d:section[@id='cotation-lot-1']/d:table/d:row[d:cell[1]='rugged']/d:cell[3]",
                "Oui / Non");
    assert_cell(doc, "//d:section[@id='cotation-lot-1']/d:table/d:row[last()]/d:cell[2]", "65");
    /* Options per lot. */
    assert_contains(doc, SECTION("variantes-options"), "Les variantes, exigées ou libres, ne sont "
                                                       "pas autorisées.");
    assert_contains(doc, SECTION("variantes-options"),
                    "Lot 2" NBSP ": Housse de protection, une par appareil (quantité" NBSP
                    ": 40).");
    xmlFreeDoc(doc);
}

static void test_csc__price_schedule_rows(void **state)
{
    xmlDocPtr doc = csc("04-wbe-open-ted");
    /* Lot 1: the device line, two option lines, three foot rows. */
    assert_int_equal(
        (int)number_of(doc, "count(//d:annex[@id='annexe-inventaire']/d:table[1]/d:row)"), 7);
#define INV(row, col) "//d:annex[@id='annexe-inventaire']/d:table[1]/d:row[" row "]/d:cell[" col "]"
    assert_cell(doc, INV("2", "1"), "1.1");
    assert_cell(doc, INV("2", "3"), "420");
    assert_cell(doc, INV("3", "1"), "1.2");
    assert_cell(doc, INV("3", "2"), "Option exigée" NBSP ": Extension de la garantie à 4 ans (1 an "
                                    "au-delà de la garantie de base de 3 ans)");
    assert_cell(doc, INV("4", "3"), "14");
    assert_cell(doc, INV("5", "1"), "Total HTVA");
    assert_cell(doc, INV("6", "1"), "TVA 21" NBSP "%");
    assert_cell(doc, INV("7", "1"), "Total TVAC");
    /* Prices are left blank for the tenderer. */
    assert_cell(doc, INV("2", "4"), "");
    assert_cell(doc, INV("2", "5"), "");
    assert_cell(doc, INV("7", "2"), "");
    xmlFreeDoc(doc);
}

static void test_csc__delivery_addresses_and_allocations(void **state)
{
    xmlDocPtr doc = csc("02-communal-chromebooks-pnspp");
    /* School 290 gets 80 devices of lot 1; lot 2 has no allocation, so the split is left open. */
    assert_contains(doc, "//d:annex[@id='annexe-livraison']/d:table/d:row[2]",
                    "Lot 1" NBSP ": 80");
    assert_contains(doc, "//d:annex[@id='annexe-livraison']/d:table/d:row[2]",
                    "Lot 2" NBSP ": selon la répartition communiquée");
    xmlFreeDoc(doc);

    doc = csc("01-small-libre-faible");
    /* One school, one site: the whole lot goes there. */
    assert_contains(doc, "//d:annex[@id='annexe-livraison']/d:table/d:row[2]",
                    "30 ordinateurs portables");
    xmlFreeDoc(doc);
}

/* ------------------------------------------------------------------ French formatting */

static void test_csc__deadline_in_french(void **state)
{
    xmlDocPtr doc = csc("04-wbe-open-ted"); /* 2026-12-02T10:00:00+01:00 */
    assert_contains(doc, SECTION("depot"), "au plus tard le mercredi 2 décembre 2026 à 10" NBSP
                    "h" NBSP "00 (heure belge)");
    assert_contains(doc, "//d:cover/d:field[@label='Date limite de réception des offres']",
                    "mercredi 2 décembre 2026 à 10" NBSP "h" NBSP "00");
    xmlFreeDoc(doc);

    doc = csc("08-libre-multi-lots-open-requested"); /* 2026-07-01T10:00:00+02:00 */
    assert_contains(doc, SECTION("depot"), "mercredi 1er juillet 2026 à 10" NBSP "h" NBSP "00");
    assert_contains(doc, SECTION("publicite"), "le 1er juin 2026");
    xmlFreeDoc(doc);
}

static void test_csc__money_in_french(void **state)
{
    xmlDocPtr doc = csc("04-wbe-open-ted"); /* htva 245700.00, tva 51597.00, tvac 297297.00 */
    assert_contains(doc, SECTION("estimation"), "estimé à 245" NBSP "700,00" NBSP
                    "€ hors TVA, soit 297" NBSP "297,00" NBSP "€ TVA comprise (TVA de 21" NBSP
                    "%" NBSP ": 51" NBSP "597,00" NBSP "€).");
    assert_contains(doc, SECTION("estimation") "/d:table/d:row[d:cell[1]='1']",
                    "237" NBSP "300,00" NBSP "€");
    assert_contains(doc, SECTION("mes-outils-numeriques"), "66" NBSP "250,00" NBSP "€");
    xmlFreeDoc(doc);

    doc = csc("05-cocof-specialise-tablets-pnspp"); /* tva 11541.60 */
    assert_contains(doc, SECTION("estimation"), "11" NBSP "541,60" NBSP "€");
    xmlFreeDoc(doc);
}

static void test_csc__award_table_weights(void **state)
{
    xmlDocPtr doc = csc("03-provincial-multi-school-pndapp"); /* 55 / 30 / 10 / 5 */
    /* Row 1 is the head; the foot's first cell spans two columns. */
    const char *rows[][3] = {{"2", "3", "55" NBSP "points"},
                             {"3", "3", "30" NBSP "points"},
                             {"4", "3", "10" NBSP "points"},
                             {"5", "3", "5" NBSP "points"},
                             {"6", "2", "100" NBSP "points"}};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char expr[160];
        snprintf(expr, sizeof expr, SECTION("attribution") "/d:table/d:row[%s]/d:cell[%s]",
                 rows[i][0], rows[i][1]);
        char *s = text_of(doc, expr);
        assert_string_equal(s, rows[i][2]);
        free(s);
    }
    assert_contains(doc, SECTION("attribution") "/d:table/d:row[2]",
                    "Note prix = (prix régulier le plus bas ÷ prix de l'offre) × 55");
    assert_contains(doc, SECTION("cotation-lot-1"), "(30" NBSP "points sur 100)");
    xmlFreeDoc(doc);
}

/* ------------------------------------------------------------------ parameters, metadata */

static void test_csc__parameters_change_clauses(void **state)
{
    const char *params[] = {"guarantee-percent", "3", "delay-penalty", "0,05", NULL};
    xmlDocPtr doc = csc_with("04-wbe-open-ted", params);
    assert_contains(doc, SECTION("cautionnement"), "égal à 3" NBSP "% du montant initial");
    assert_contains(doc, SECTION("penalites"), "amende pour retard de 0,05" NBSP "%");
    xmlFreeDoc(doc);
}

static void test_csc__metadata_header_footer(void **state)
{
    xmlDocPtr doc = csc("02-communal-chromebooks-pnspp");
    char *title = text_of(doc, "/d:document/d:meta/d:title");
    char *author = text_of(doc, "/d:document/d:meta/d:author");
    char *date = text_of(doc, "/d:document/d:meta/d:date");
    char *header = text_of(doc, "/d:document/d:header");
    assert_string_equal(title, "Cahier spécial des charges n° IXL-ENS-2026-07");
    assert_string_equal(author, "Commune d'Ixelles");
    assert_string_equal(date, "2026-04-20");
    assert_string_equal(header, "CSC IXL-ENS-2026-07 – Équipements numériques pour les élèves "
                                "(2 lots)");
    free(title);
    free(author);
    free(date);
    free(header);
    assert_contains(doc, "/d:document/d:meta/d:keywords", "CPV 30213100-6, CPV 30237200-1");
    assert_contains(doc, "/d:document/d:footer", "Commune d'Ixelles");
    assert_int_equal((int)number_of(doc, "count(/d:document/d:toc)"), 1);
    xmlFreeDoc(doc);
}

static void test_csc__deterministic(void **state)
{
    xmlDocPtr a = csc("08-libre-multi-lots-open-requested");
    xmlDocPtr b = csc("08-libre-multi-lots-open-requested");
    xmlChar *ta = NULL, *tb = NULL;
    int la = 0, lb = 0;
    xmlDocDumpMemoryEnc(a, &ta, &la, "UTF-8");
    xmlDocDumpMemoryEnc(b, &tb, &lb, "UTF-8");
    assert_int_equal(la, lb);
    assert_memory_equal(ta, tb, (size_t)la);
    xmlFree(ta);
    xmlFree(tb);
    xmlFreeDoc(a);
    xmlFreeDoc(b);
}

/* Anything but a version-1 tender stops the template with a located error. */
static void test_csc__refuses_other_input(void **state)
{
    static const char xml[] = "<tender xmlns=\"urn:tenderpack:tender:1\" version=\"2\"/>";
    xmlDocPtr in = NULL, out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_xml_parse(&in, xml, sizeof xml - 1, "v2.xml", &d), TP_OK);
    assert_int_equal(tp_xslt_apply(&out, CSC, in, NULL, &d), TP_ETEMPLATE);
    assert_null(out);
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        if (d.v[i].msg && strstr(d.v[i].msg, "tender XML of version 1"))
            found = 1;
    assert_true(found);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

/* ------------------------------------------------------------------ end to end */

static int count_pages(const tp_buf *pdf)
{
    static const char key[] = "/Type /Page";
    int n = 0;
    for (size_t i = 0; i + sizeof key < pdf->len; i++)
        if (memcmp(pdf->data + i, key, sizeof key - 1) == 0 && pdf->data[i + sizeof key - 1] != 's')
            n++;
    return n;
}

/* Every sample: template -> document tree -> PDF, with no character the PDF
 * fonts lack (the renderer would warn). Prints the page counts. */
static void test_csc__every_sample_renders_to_pdf(void **state)
{
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        xmlDocPtr xml = csc(samples[i]);
        tp_diags d;
        tp_diags_init(&d);
        tp_doc *doc = NULL;
        assert_int_equal(tp_doc_from_xml(&doc, xml, samples[i], &d), TP_OK);
        tp_buf pdf;
        tp_buf_init(&pdf);
        tp_render_opts opts = {0, samples[i]};
        tp_err rc = tp_render_pdf(&pdf, doc, &opts, &d);
        if (rc != TP_OK || d.n > 0)
            tp_diags_print(&d, stdout);
        assert_int_equal(rc, TP_OK);
        assert_int_equal(d.n, 0);
        int pages = count_pages(&pdf);
        printf("csc %s: %d pages\n", samples[i], pages);
        assert_true(pages >= 10);
        tp_buf_dispose(&pdf);
        tp_doc_free(doc);
        tp_diags_dispose(&d);
        xmlFreeDoc(xml);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csc__faible_montant_wording),
        cmocka_unit_test(test_csc__pnspp_wording),
        cmocka_unit_test(test_csc__pndapp_wording),
        cmocka_unit_test(test_csc__open_above_eu_wording),
        cmocka_unit_test(test_csc__open_requested_below_eu),
        cmocka_unit_test(test_csc__dume_only_at_or_above_eu_threshold),
        cmocka_unit_test(test_csc__one_technical_section_per_lot),
        cmocka_unit_test(test_csc__price_schedule_rows),
        cmocka_unit_test(test_csc__delivery_addresses_and_allocations),
        cmocka_unit_test(test_csc__deadline_in_french),
        cmocka_unit_test(test_csc__money_in_french),
        cmocka_unit_test(test_csc__award_table_weights),
        cmocka_unit_test(test_csc__parameters_change_clauses),
        cmocka_unit_test(test_csc__metadata_header_footer),
        cmocka_unit_test(test_csc__deterministic),
        cmocka_unit_test(test_csc__refuses_other_input),
        cmocka_unit_test(test_csc__every_sample_renders_to_pdf),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
