/* The evaluation report (templates/report/, src/report/): the evaluations
 * of both sample bid sets (samples/bids/<set>/expected.evaluation.xml) go
 * through report.xsl; the result must be a valid document
 * (schemas/document.xsd) naming the winners, the exclusions with their
 * reasons, the standstill and French amounts, and render to PDF, ODT and
 * DOCX with the same bytes twice. */
#include "tp_test.h"

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/io.h"
#include "doc/doc.h"
#include "render/render.h"
#include "report/report.h"
#include "xml/xmlsafe.h"
#include "xslt/xslt.h"

#define NBSP "\xC2\xA0"

static int group_teardown(void **state)
{
    (void)state;
    tp_xslt_cleanup();
    tp_xml_cleanup();
    return 0;
}

static xmlDocPtr evaluation_xml(const char *set)
{
    char path[512];
    snprintf(path, sizeof path, "%s/samples/bids/%s/expected.evaluation.xml", TP_SOURCE_DIR, set);
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    tp_err rc = tp_xml_read(&doc, path, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    tp_diags_dispose(&d);
    return doc;
}

/* The template's output, validated against document.xsd, as text. */
static char *report_text(xmlDocPtr ev, const char *date)
{
    tp_diags d;
    tp_diags_init(&d);
    const char *params[] = {"date", date, NULL};
    xmlDocPtr out = NULL;
    tp_err rc = tp_xslt_apply(&out, TP_REPORT_TEMPLATE, ev, params, &d);
    if (rc == TP_OK)
        rc = tp_xsd_validate(out, "document.xsd", "report", &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stdout);
    assert_int_equal(rc, TP_OK);
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpMemoryEnc(out, &mem, &len, "UTF-8");
    char *text = strdup((const char *)mem);
    xmlFree(mem);
    xmlFreeDoc(out);
    tp_diags_dispose(&d);
    return text;
}

static void assert_has(const char *text, const char *needle)
{
    if (!strstr(text, needle)) {
        printf("report lacks: %s\n", needle);
        fail();
    }
}

static void test_report__wbe_open_award_exclusions_standstill(void **state)
{
    (void)state;
    xmlDocPtr ev = evaluation_xml("04-wbe-open-ted");
    char *t = report_text(ev, "2026-12-04");
    /* Award of each lot: the winner's name in the proposal, with its amounts. */
    assert_has(t, "Il est proposé d’attribuer le lot 1 à <strong>Low Cost Devices SRL</strong>");
    assert_has(t, "Il est proposé d’attribuer le lot 2 à <strong>Liège Bureautique SA</strong>");
    assert_has(t, "145" NBSP "600,00" NBSP "€ HTVA, soit 176" NBSP "176,00" NBSP "€ TVAC");
    /* Exclusions with code, requirement id and French message. */
    assert_has(t, "<strong>REQ-FAIL</strong> (ram)" NBSP ": Mémoire vive (RAM) : 4 Go offert");
    assert_has(t, "<strong>BID-LATE</strong>");
    assert_has(t, "<strong>PRICE-QUANTITY</strong> (devices)");
    /* The abnormally low price and the request for justification. */
    assert_has(t, "Une justification écrite du prix doit être demandée au soumissionnaire");
    assert_has(t, "189" NBSP "915,07" NBSP "€ HTVA");
    /* Arithmetic correction: submitted and corrected totals. */
    assert_has(t, "219" NBSP "258,00" NBSP "€");
    assert_has(t, "219" NBSP "618,00" NBSP "€");
    /* Scores in French, the total in bold. */
    assert_has(t, "<strong>82,62</strong>");
    /* Standstill from the tender, the motivation obligation, the deciding body. */
    assert_has(t, "délai d’attente (standstill) de 15" NBSP "jours");
    assert_has(t, "loi du 17 juin 2013");
    assert_has(t, "l’organe de Wallonie-Bruxelles Enseignement compétent");
    /* The date given, never the clock. */
    assert_has(t, "<date>2026-12-04</date>");
    assert_has(t, "Établi le 4 décembre 2026.");
    free(t);
    xmlFreeDoc(ev);
}

static void test_report__communal_pnspp_budget_and_regularisation(void **state)
{
    (void)state;
    xmlDocPtr ev = evaluation_xml("02-communal-chromebooks-pnspp");
    char *t = report_text(ev, "2026-05-06");
    assert_has(t, "Il est proposé d’attribuer le lot 1 à <strong>Eurotab France SAS</strong>");
    assert_has(t, "<strong>REQ-FAIL</strong> (aue-year)");
    assert_has(t, "<strong>BID-REGULARISATION</strong>");
    assert_has(t, "Le total des attributions proposées dépasse le budget");
    assert_has(t, "84" NBSP "150,66" NBSP "€");
    assert_has(t, "le collège communal");
    assert_has(t, "procédure négociée sans publication préalable");
    free(t);
    xmlFreeDoc(ev);
}

/* Faible montant and a lot without regular offer: no standstill, no award. */
static void test_report__no_regular_offer_and_faible_montant(void **state)
{
    (void)state;
    xmlDocPtr ev = evaluation_xml("04-wbe-open-ted");
    xmlXPathContextPtr x = xmlXPathNewContext(ev);
    xmlXPathRegisterNs(x, BAD_CAST "e", BAD_CAST "urn:tenderpack:evaluation:1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST "//e:lot[@number = '2']/e:award", x);
    assert_int_equal(r->nodesetval->nodeNr, 1);
    xmlUnlinkNode(r->nodesetval->nodeTab[0]);
    xmlFreeNode(r->nodesetval->nodeTab[0]);
    xmlXPathFreeObject(r);
    r = xmlXPathEvalExpression(BAD_CAST "//e:lot[@number = '2']/e:offers/e:offer", x);
    for (int i = 0; i < r->nodesetval->nodeNr; i++)
        xmlSetProp(r->nodesetval->nodeTab[i], BAD_CAST "status", BAD_CAST "excluded");
    xmlXPathFreeObject(r);
    r = xmlXPathEvalExpression(BAD_CAST "/e:evaluation/e:tender", x);
    xmlSetProp(r->nodesetval->nodeTab[0], BAD_CAST "procedure", BAD_CAST "faible-montant");
    xmlSetProp(r->nodesetval->nodeTab[0], BAD_CAST "standstillDays", BAD_CAST "0");
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(x);

    char *t = report_text(ev, "2026-12-04");
    assert_has(t, "Aucune offre régulière n’a été reçue pour ce lot");
    assert_has(t, "Aucune offre régulière" NBSP ": le lot ne peut pas être attribué.");
    assert_has(t, "aucun délai d’attente (standstill) ne s’applique");
    assert_null(strstr(t, "Il est proposé d’attribuer le lot 2"));
    assert_null(strstr(t, "délai d’attente (standstill) de"));
    free(t);
    xmlFreeDoc(ev);
}

/* The whole chain: tree, three formats, same bytes twice. */
static void test_report__renders_deterministically(void **state)
{
    (void)state;
    xmlDocPtr ev = evaluation_xml("04-wbe-open-ted");
    tp_buf a[3], b[3];
    for (int round = 0; round < 2; round++) {
        tp_buf *outs = round == 0 ? a : b;
        for (int i = 0; i < 3; i++)
            tp_buf_init(&outs[i]);
        tp_diags d;
        tp_diags_init(&d);
        tp_doc *doc = NULL;
        tp_err rc = tp_report_doc(&doc, ev, "2026-12-04", &d);
        if (rc == TP_OK)
            rc = tp_report_render(outs, 3, doc, "WBE-NAM-2026-003", 1796256000, &d);
        if (rc != TP_OK)
            tp_diags_print(&d, stdout);
        assert_int_equal(rc, TP_OK);
        assert_int_equal(doc->date.y, 2026);
        assert_int_equal(doc->date.m, 12);
        assert_int_equal(doc->date.d, 4);
        tp_doc_free(doc);
        tp_diags_dispose(&d);
    }
    assert_int_equal(tp_renderer_count, 3);
    assert_memory_equal(a[0].data, "%PDF-", 5);
    assert_memory_equal(a[1].data, "PK", 2);
    assert_memory_equal(a[2].data, "PK", 2);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(a[i].len, b[i].len);
        assert_memory_equal(a[i].data, b[i].data, a[i].len);
        tp_buf_dispose(&a[i]);
        tp_buf_dispose(&b[i]);
    }
    xmlFreeDoc(ev);
}

static void test_report__epoch_from_source_date_or_deadline(void **state)
{
    (void)state;
    int64_t epoch = -1;
    char date[11];
    assert_true(tp_report_epoch(&epoch, date, NULL, "2026-12-02T10:00:00+01:00"));
    assert_int_equal(epoch, 1796169600); /* 2026-12-02 00:00 UTC */
    assert_string_equal(date, "2026-12-02");
    assert_true(tp_report_epoch(&epoch, date, "1796256000", "2026-12-02"));
    assert_int_equal(epoch, 1796256000);
    assert_string_equal(date, "2026-12-03");
    assert_false(tp_report_epoch(&epoch, date, "12x", "2026-12-02"));
    assert_false(tp_report_epoch(&epoch, date, "-5", "2026-12-02"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report__wbe_open_award_exclusions_standstill),
        cmocka_unit_test(test_report__communal_pnspp_budget_and_regularisation),
        cmocka_unit_test(test_report__no_regular_offer_and_faible_montant),
        cmocka_unit_test(test_report__renders_deterministically),
        cmocka_unit_test(test_report__epoch_from_source_date_or_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, group_teardown);
}
