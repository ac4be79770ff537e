/* The eForms contract notice: subtype choice, the tender → eForms mappings
 * (dates with offsets, ids, code lists, NUTS, CPV, lots, criteria), refusals
 * before anything is returned, determinism. Inputs are hand-made tenders. */
#include "tp_test.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "data/resources.h"
#include "notice/notice.h"
#include "xml/xmlsafe.h"
#include "xslt/xslt.h"

/* ------------------------------------------------------------------ inputs */

/* A valid tender (schemas/tender.xsd) with a few variable parts. */
typedef struct tender_spec {
    const char *reference, *procedure, *publication, *above, *legal_form, *buyer_nuts;
    const char *cpv, *electronic, *publication_date, *deadline, *delivery;
    bool two_lots;
} tender_spec;

static tender_spec open_above(void)
{
    return (tender_spec){"TEST-2026-01", "open", "ted", "true", "province", "",
                         "30213100-6", "true", "2026-11-02", "2026-12-02T10:00:00+01:00",
                         "2027-03-15", false};
}

static const char *const LOT2 =
    "    <lot number=\"2\" id=\"LOT-0002\" device=\"accessories\" quantity=\"50\" "
    "unitEstimate=\"20.00\" estimate=\"1000.00\">\n"
    "      <title>Housses de protection</title>\n"
    "      <cpv main=\"30237200-1\"><additional code=\"30237270-2\"/></cpv>\n"
    "      <options/><requirements/><scoredCriteria/>\n"
    "      <allocations><allocation school=\"200\" quantity=\"50\"/></allocations>\n"
    "    </lot>\n";

static char *tender_xml(const tender_spec *s)
{
    tp_buf b;
    tp_buf_init(&b);
    tp_buf_printf(
        &b,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<tender xmlns=\"urn:tenderpack:tender:1\" version=\"1\">\n"
        "  <reference>%s</reference>\n  <language>fr</language>\n"
        "  <generator name=\"tenderpack\" version=\"0.1.0\"/>\n"
        "  <thresholds period=\"2026-2027\" validFrom=\"2026-01-01\" validTo=\"2027-12-31\" "
        "faibleMontant=\"30000.00\" pnspp=\"140000.00\" euSubCentral=\"216000.00\" "
        "euCentral=\"140000.00\"><source>Test.</source></thresholds>\n"
        "  <buyer bce=\"0207656511\" vat=\"BE0207656511\" orgId=\"BE-BCE_KBO-0207656511\" "
        "fase=\"1300\" legalForm=\"%s\" network=\"officiel-provincial\" authority=\"sub-central\">\n"
        "    <name>Province de Test</name><networkLabel>Officiel</networkLabel>\n"
        "    <address%s><street>Rue Henri Blès</street><number>188</number>"
        "<postalCode>5000</postalCode><locality>Namur</locality></address>\n"
        "    <contact><name>Luc Gérard</name><email>marches@test.example</email>"
        "<phone>+32 81 77 67 11</phone></contact>\n"
        "    <signatory><name>Isabelle Marchal</name><role>Présidente</role></signatory>\n"
        "  </buyer>\n"
        "  <schools pupils=\"800\" pupilsDegrees2to4=\"500\" minimumStock=\"40\" "
        "subsidyCap=\"20000.00\" devices=\"300\">\n"
        "    <school fase=\"100\" type=\"secondaire-ordinaire\" minimumStock=\"20\" "
        "subsidyCap=\"10000.00\" devicesAllocated=\"0\">\n"
        "      <name>École A</name><typeLabel>Secondaire ordinaire</typeLabel>\n"
        "      <pupils total=\"400\" degrees2to4=\"250\"><degree number=\"1\">400</degree></pupils>\n"
        "      <implantations>\n"
        "        <implantation fase=\"101\"><address><street>Rue A</street><number>1</number>"
        "<postalCode>5000</postalCode><locality>Namur</locality></address></implantation>\n"
        "        <implantation fase=\"102\"><address><street>Rue B</street><number>2</number>"
        "<postalCode>5590</postalCode><locality>Ciney</locality></address></implantation>\n"
        "      </implantations>\n"
        "    </school>\n"
        "    <school fase=\"200\" type=\"secondaire-ordinaire\" minimumStock=\"20\" "
        "subsidyCap=\"10000.00\" devicesAllocated=\"50\">\n"
        "      <name>École B</name><typeLabel>Secondaire ordinaire</typeLabel>\n"
        "      <pupils total=\"400\" degrees2to4=\"250\"><degree number=\"1\">400</degree></pupils>\n"
        "      <implantations>\n"
        "        <implantation fase=\"201\"><address nuts=\"BE100\"><street>Rue C</street>"
        "<number>3</number><postalCode>1000</postalCode><locality>Bruxelles</locality>"
        "</address></implantation>\n"
        "      </implantations>\n"
        "    </school>\n"
        "  </schools>\n"
        "  <procedure code=\"%s\" choice=\"auto\" publication=\"%s\" aboveEuThreshold=\"%s\" "
        "euThreshold=\"216000.00\" espdRequired=\"%s\">\n"
        "    <label>Procédure de test</label><legalBasis>Art. 36 de la loi du 17 juin 2016</legalBasis>\n"
        "  </procedure>\n"
        "  <estimate htva=\"%s\" vatRate=\"21\" tva=\"0.00\" tvac=\"0.00\" subsidyCap=\"20000.00\"/>\n"
        "  <dates publication=\"%s\" deadline=\"%s\" minimumDays=\"30\" appliedDays=\"30\" "
        "validityDays=\"90\" standstillDays=\"15\" delivery=\"%s\" electronicSubmission=\"%s\"/>\n"
        "  <cpv main=\"%s\"/>\n"
        "  <lots>\n"
        "    <lot number=\"1\" id=\"LOT-0001\" device=\"laptop\" quantity=\"300\" "
        "unitEstimate=\"480.00\" estimate=\"171000.00\">\n"
        "      <title>Ordinateurs portables</title>\n"
        "      <cpv main=\"%s\"/>\n"
        "      <options><option kind=\"extended-warranty\" years=\"5\" quantity=\"300\" "
        "unitEstimate=\"90.00\" estimate=\"27000.00\"><label>Garantie 5 ans</label></option></options>\n"
        "      <requirements/><scoredCriteria/><allocations/>\n"
        "    </lot>\n%s"
        "  </lots>\n"
        "  <awardCriteria>\n"
        "    <criterion id=\"price\" weight=\"55\" formula=\"price-ratio\"><label>Prix</label>"
        "<formulaText>Note prix</formulaText></criterion>\n"
        "    <criterion id=\"technical\" weight=\"30\" formula=\"technical-points\">"
        "<label>Valeur technique</label><formulaText>Note technique</formulaText></criterion>\n"
        "    <criterion id=\"warranty\" weight=\"10\" formula=\"linear\" floor=\"3\" target=\"5\" "
        "unit=\"years\"><label>Garantie</label><formulaText>Note garantie</formulaText></criterion>\n"
        "    <criterion id=\"delivery\" weight=\"5\" formula=\"linear\" floor=\"42\" target=\"14\" "
        "unit=\"days\"><label>Délai</label><formulaText>Note délai</formulaText></criterion>\n"
        "  </awardCriteria>\n"
        "  <notes/>\n"
        "</tender>\n",
        s->reference, s->legal_form, s->buyer_nuts, s->procedure, s->publication, s->above,
        s->above, s->two_lots ? "172000.00" : "171000.00", s->publication_date, s->deadline,
        s->delivery, s->electronic, s->cpv, s->cpv, s->two_lots ? LOT2 : "");
    return tp_buf_detach(&b);
}

static xmlDocPtr parse_or_die(const char *xml, size_t len, const char *name)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    if (tp_xml_parse(&doc, xml, len, name, &d) != TP_OK)
        tp_diags_print(&d, stderr);
    assert_non_null(doc);
    tp_diags_dispose(&d);
    return doc;
}

/* Builds the notice of spec; returns the tp_err, fills out/subtype/d. */
static tp_err build(const tender_spec *s, const char *force, tp_buf *out, int *subtype,
                    tp_diags *d)
{
    char *xml = tender_xml(s);
    xmlDocPtr doc = parse_or_die(xml, strlen(xml), "test tender");
    tp_err rc = tp_notice_build(out, subtype, doc, force, d);
    xmlFreeDoc(doc);
    free(xml);
    return rc;
}

/* Builds a notice that must succeed and returns it parsed. */
static xmlDocPtr notice_of(const tender_spec *s, const char *force, int want_subtype)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    int subtype = -1;
    tp_err rc = build(s, force, &out, &subtype, &d);
    if (rc != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(rc, TP_OK);
    assert_int_equal(d.nerrors, 0);
    assert_int_equal(subtype, want_subtype);
    xmlDocPtr doc = parse_or_die(out.data, out.len, "notice");
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    return doc;
}

/* ------------------------------------------------------------------ XPath */

static char *xp(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "n",
                       BAD_CAST "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2");
    xmlXPathRegisterNs(ctx, BAD_CAST "cac",
                       BAD_CAST "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
    xmlXPathRegisterNs(ctx, BAD_CAST "cbc",
                       BAD_CAST "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
    xmlXPathRegisterNs(ctx, BAD_CAST "efac",
                       BAD_CAST "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1");
    xmlXPathRegisterNs(ctx, BAD_CAST "efbc",
                       BAD_CAST "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(r);
    xmlChar *s = xmlXPathCastToString(r);
    char *copy = strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return copy;
}

#define assert_xp(doc, expr, want)                                                                 \
    do {                                                                                           \
        char *got_ = xp((doc), (expr));                                                            \
        if (strcmp(got_, (want)) != 0)                                                             \
            fprintf(stderr, "%s: got '%s', want '%s'\n", (expr), got_, (want));                    \
        assert_string_equal(got_, (want));                                                         \
        free(got_);                                                                                \
    } while (0)

#define LOT1 "/n:ContractNotice/cac:ProcurementProjectLot[cbc:ID='LOT-0001']"
#define LOT2P "/n:ContractNotice/cac:ProcurementProjectLot[cbc:ID='LOT-0002']"

/* ------------------------------------------------------------------ tests */

static void test_notice__subtype_codes(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    int s = -1;
    assert_int_equal(tp_notice_subtype_parse(&s, "16", &d), TP_OK);
    assert_int_equal(s, TP_NOTICE_16);
    assert_string_equal(tp_notice_subtype_code(s), "16");
    assert_int_equal(tp_notice_subtype_parse(&s, "E3", &d), TP_OK);
    assert_int_equal(s, TP_NOTICE_E3);
    assert_string_equal(tp_notice_subtype_code(s), "E3");
    assert_int_equal(d.nerrors, 0);
    assert_int_equal(tp_notice_subtype_parse(&s, "29", &d), TP_EUSAGE);
    assert_int_equal(s, TP_NOTICE_NONE);
    assert_int_equal(d.nerrors, 1);
    assert_null(tp_notice_subtype_code(TP_NOTICE_NONE));
    tp_diags_dispose(&d);
}

static void test_notice__above_threshold_gives_16(void **state)
{
    tender_spec s = open_above();
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "string(//efac:NoticeSubType/cbc:SubTypeCode)", "16");
    assert_xp(n, "string(/n:ContractNotice/cbc:RegulatoryDomain)", "32014L0024");
    assert_xp(n, "string(/n:ContractNotice/cbc:NoticeTypeCode)", "cn-standard");
    assert_xp(n, "string(/n:ContractNotice/cbc:NoticeLanguageCode)", "FRA");
    assert_xp(n, "string(/n:ContractNotice/cbc:CustomizationID)", "eforms-sdk-1.15");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cbc:GovernmentAgreementConstraintIndicator)",
              "true");
    assert_xp(n, "count(//cac:ProcurementLegislationDocumentReference)", "0");
    assert_xp(n, "string(/n:ContractNotice/cac:TenderingProcess/cbc:ProcedureCode)", "open");
    assert_xp(n, "string(//cbc:ProcessReasonCode[@listName='accelerated-procedure'])", "false");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cac:OpenTenderEvent/cbc:OccurrenceDate)",
              "2026-12-02+01:00");
    xmlFreeDoc(n);
}

static void test_notice__below_threshold_gives_e3(void **state)
{
    tender_spec s = open_above();
    s.publication = "bda";
    s.above = "false";
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_E3);
    assert_xp(n, "string(//efac:NoticeSubType/cbc:SubTypeCode)", "E3");
    assert_xp(n, "string(/n:ContractNotice/cbc:RegulatoryDomain)", "other");
    assert_xp(n, "string(//cac:ProcurementLegislationDocumentReference/cbc:ID)", "LocalLegalBasis");
    assert_xp(n, "starts-with(//cac:ProcurementLegislationDocumentReference/cbc:DocumentDescription,"
                 " 'Loi du 17 juin 2016 relative aux marchés publics et arrêté royal du 18 avril 2017')",
              "true");
    assert_xp(n, "count(//cbc:GovernmentAgreementConstraintIndicator)", "0");
    xmlFreeDoc(n);
}

static void test_notice__pndapp_is_single_stage_without_opening(void **state)
{
    tender_spec s = open_above();
    s.procedure = "pndapp";
    s.publication = "bda";
    s.above = "false";
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_E3);
    assert_xp(n, "string(/n:ContractNotice/cac:TenderingProcess/cbc:ProcedureCode)", "oth-single");
    assert_xp(n, "count(//cac:OpenTenderEvent)", "0");
    assert_xp(n, "count(/n:ContractNotice/cac:TenderingProcess/cac:ProcessJustification)", "0");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate)",
              "2026-12-02+01:00");
    xmlFreeDoc(n);
}

static void test_notice__unpublished_procedures_have_no_notice(void **state)
{
    const char *codes[] = {"pnspp", "faible-montant"};
    for (size_t i = 0; i < 2; i++) {
        tender_spec s = open_above();
        s.procedure = codes[i];
        s.publication = "none";
        s.above = "false";
        tp_diags d;
        tp_diags_init(&d);
        tp_buf out;
        tp_buf_init(&out);
        int subtype = -1;
        assert_int_equal(build(&s, NULL, &out, &subtype, &d), TP_OK);
        assert_int_equal(subtype, TP_NOTICE_NONE);
        assert_int_equal(out.len, 0);
        assert_int_equal(d.n, 0);
        /* Forcing a subtype cannot publish a procedure without publication. */
        assert_int_equal(build(&s, "E3", &out, &subtype, &d), TP_EINVALID);
        assert_int_equal(subtype, TP_NOTICE_NONE);
        assert_int_equal(out.len, 0);
        assert_int_equal(d.nerrors, 1);
        assert_string_equal(d.v[0].field, "procedure/@publication");
        char *xml = tender_xml(&s);
        xmlDocPtr doc = parse_or_die(xml, strlen(xml), "t");
        char *why = tp_notice_not_published_reason(doc);
        assert_string_equal(why, "Procédure de test (Art. 36 de la loi du 17 juin 2016) : aucun "
                                 "avis de marché n'est publié ; le pouvoir organisateur consulte "
                                 "directement les opérateurs économiques de son choix.");
        free(why);
        xmlFreeDoc(doc);
        free(xml);
        tp_buf_dispose(&out);
        tp_diags_dispose(&d);
    }
    tender_spec s = open_above();
    char *xml = tender_xml(&s);
    xmlDocPtr doc = parse_or_die(xml, strlen(xml), "t");
    assert_null(tp_notice_not_published_reason(doc));
    xmlFreeDoc(doc);
    free(xml);
}

static void test_notice__forced_subtypes(void **state)
{
    tender_spec below = open_above();
    below.publication = "bda";
    below.above = "false";
    xmlDocPtr n = notice_of(&below, "16", TP_NOTICE_16);
    assert_xp(n, "string(/n:ContractNotice/cbc:RegulatoryDomain)", "32014L0024");
    xmlFreeDoc(n);
    /* E3 above the threshold: done as asked, with a warning. */
    tender_spec above = open_above();
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    int subtype = -1;
    assert_int_equal(build(&above, "E3", &out, &subtype, &d), TP_OK);
    assert_int_equal(subtype, TP_NOTICE_E3);
    assert_int_equal(d.nerrors, 0);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].sev, TP_SEV_WARNING);
    assert_string_equal(d.v[0].field, "procedure/@aboveEuThreshold");
    assert_true(out.len > 0);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
}

static void test_notice__dates_carry_brussels_offsets(void **state)
{
    tender_spec s = open_above(); /* winter: +01:00 */
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "string(/n:ContractNotice/cbc:IssueDate)", "2026-11-02+01:00");
    assert_xp(n, "string(/n:ContractNotice/cbc:IssueTime)", "10:00:00+01:00");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndDate)",
              "2026-12-02+01:00");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndTime)",
              "10:00:00+01:00");
    /* 2026-12-02 → 2027-03-15 */
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cac:PlannedPeriod/cbc:DurationMeasure)", "103");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cac:PlannedPeriod/cbc:DurationMeasure/@unitCode)",
              "DAY");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cbc:Note)",
              "Livraison souhaitée au plus tard le 15/03/2027.");
    assert_xp(n, "string(" LOT1 "/cac:TenderingTerms/cac:TenderValidityPeriod/cbc:DurationMeasure)", "90");
    xmlFreeDoc(n);
    /* summer: +02:00, on the publication date and on a summer deadline */
    s.publication_date = "2026-06-01";
    s.deadline = "2026-07-01T10:00:00+02:00";
    s.delivery = "2026-09-28";
    n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "string(/n:ContractNotice/cbc:IssueDate)", "2026-06-01+02:00");
    assert_xp(n, "string(/n:ContractNotice/cbc:IssueTime)", "10:00:00+02:00");
    assert_xp(n, "string(" LOT1 "/cac:TenderingProcess/cac:TenderSubmissionDeadlinePeriod/cbc:EndTime)",
              "10:00:00+02:00");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cac:PlannedPeriod/cbc:DurationMeasure)", "89");
    xmlFreeDoc(n);
}

static void test_notice__ids_are_deterministic_version4_uuids(void **state)
{
    /* Expected values: SHA-256 of the documented texts (docs/NOTICE.md),
     * computed independently of the engine. */
    tender_spec s = open_above();
    xmlDocPtr n16 = notice_of(&s, NULL, TP_NOTICE_16);
    xmlDocPtr ne3 = notice_of(&s, "E3", TP_NOTICE_E3);
    assert_xp(n16, "string(/n:ContractNotice/cbc:ContractFolderID)",
              "62073538-a41c-45d8-89cf-468159cd61a1");
    assert_xp(ne3, "string(/n:ContractNotice/cbc:ContractFolderID)",
              "62073538-a41c-45d8-89cf-468159cd61a1");
    assert_xp(n16, "string(/n:ContractNotice/cbc:ID[@schemeName='notice-id'])",
              "94e122ab-7bff-4544-bfbe-c88d307f15c4");
    assert_xp(ne3, "string(/n:ContractNotice/cbc:ID[@schemeName='notice-id'])",
              "b0106d3e-e13c-4f79-95e7-a9b8d04134f5");
    xmlFreeDoc(n16);
    xmlFreeDoc(ne3);
    s.reference = "TEST-2026-02";
    xmlDocPtr other = notice_of(&s, NULL, TP_NOTICE_16);
    char *id = xp(other, "string(/n:ContractNotice/cbc:ContractFolderID)");
    assert_string_not_equal(id, "62073538-a41c-45d8-89cf-468159cd61a1");
    assert_int_equal(strlen(id), 36);
    assert_int_equal(id[14], '4');
    free(id);
    assert_xp(other, "string(/n:ContractNotice/cac:ProcurementProject/cbc:ID)", "TEST-2026-02");
    xmlFreeDoc(other);
}

static void test_notice__buyer_legal_type_and_activity(void **state)
{
    const char *forms[][2] = {{"wbe", "body-pl"},   {"commune", "la"}, {"province", "la"},
                              {"cocof", "ra"},      {"asbl", "body-pl"}, {"autre", "body-pl"}};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        tender_spec s = open_above();
        s.legal_form = forms[i][0];
        xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
        assert_xp(n, "string(//cac:ContractingPartyType/cbc:PartyTypeCode[@listName='buyer-legal-type'])",
                  forms[i][1]);
        assert_xp(n, "string(//cbc:ActivityTypeCode[@listName='authority-activity'])", "education");
        xmlFreeDoc(n);
    }
}

static void test_notice__buyer_and_review_body(void **state)
{
    tender_spec s = open_above();
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
#define ORG(id) "//efac:Organization/efac:Company[cac:PartyIdentification/cbc:ID='" id "']"
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:PartyName/cbc:Name)", "Province de Test");
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:PartyLegalEntity/cbc:CompanyID)", "0207.656.511");
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:PostalAddress/cbc:StreetName)", "Rue Henri Blès 188");
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:PostalAddress/cbc:PostalZone)", "5000");
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:Contact/cbc:ElectronicMail)", "marches@test.example");
    assert_xp(n, "string(" ORG("ORG-0001") "/cac:Contact/cbc:Telephone)", "+32 81 77 67 11");
    assert_xp(n, "string(" ORG("ORG-0002") "/cac:PartyName/cbc:Name)", "Conseil d'État");
    assert_xp(n, "string(" ORG("ORG-0002") "/cac:PostalAddress/cbc:StreetName)", "Rue de la Science 33");
    assert_xp(n, "string(" ORG("ORG-0002") "/cac:PostalAddress/cbc:CountrySubentityCode)", "BE100");
    assert_xp(n, "string(" LOT1 "//cac:AppealReceiverParty/cac:PartyIdentification/cbc:ID)", "ORG-0002");
    assert_xp(n, "contains(" LOT1 "//cac:AppealTerms/cac:PresentationPeriod/cbc:Description,"
                 " 'délai d’attente de 15 jours')", "true");
    assert_xp(n, "string(" LOT1 "/cac:TenderingTerms/cac:TenderRecipientParty/cbc:EndpointID)",
              "https://www.publicprocurement.be");
    assert_xp(n, "string(" LOT1 "/cac:TenderingTerms/cac:Language/cbc:ID)", "FRA");
#undef ORG
    xmlFreeDoc(n);
}

static void test_notice__award_criteria_types_and_weights(void **state)
{
    tender_spec s = open_above();
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
#define CRIT(i) LOT1 "//cac:AwardingCriterion/cac:SubordinateAwardingCriterion[" #i "]"
    assert_xp(n, "count(" LOT1 "//cac:SubordinateAwardingCriterion)", "4");
    const char *want[][3] = {{"price", "55", "Prix"},
                             {"quality", "30", "Valeur technique"},
                             {"quality", "10", "Garantie"},
                             {"quality", "5", "Délai"}};
    for (int i = 0; i < 4; i++) {
        char e[512];
        snprintf(e, sizeof e, "string(%s[%d]/cbc:AwardingCriterionTypeCode)",
                 LOT1 "//cac:AwardingCriterion/cac:SubordinateAwardingCriterion", i + 1);
        assert_xp(n, e, want[i][0]);
        snprintf(e, sizeof e, "string(%s[%d]//efbc:ParameterNumeric)",
                 LOT1 "//cac:AwardingCriterion/cac:SubordinateAwardingCriterion", i + 1);
        assert_xp(n, e, want[i][1]);
        snprintf(e, sizeof e, "string(%s[%d]/cbc:Name)",
                 LOT1 "//cac:AwardingCriterion/cac:SubordinateAwardingCriterion", i + 1);
        assert_xp(n, e, want[i][2]);
    }
    assert_xp(n, "string(" CRIT(1) "//efbc:ParameterCode)", "per-exa");
    assert_xp(n, "string(" CRIT(4) "/cbc:Description)", "Note délai");
#undef CRIT
    xmlFreeDoc(n);
}

static void test_notice__nuts_from_profile_or_postal_code(void **state)
{
    tender_spec s = open_above();
    s.two_lots = true;
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
    /* buyer at 5000 without a NUTS code: the table's Namur */
    assert_xp(n, "string(//efac:Company[cac:PartyIdentification/cbc:ID='ORG-0001']"
                 "/cac:PostalAddress/cbc:CountrySubentityCode)", "BE352");
    /* procedure: every site, one location per code, in code order */
    assert_xp(n, "count(/n:ContractNotice/cac:ProcurementProject/cac:RealizedLocation)", "3");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cac:RealizedLocation[1]//cbc:CountrySubentityCode)",
              "BE100");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cac:RealizedLocation[2]//cbc:CountrySubentityCode)",
              "BE351");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cac:RealizedLocation[3]//cbc:CountrySubentityCode)",
              "BE352");
    /* lot 1 has no allocations: every site; lot 2 goes to school 200 only */
    assert_xp(n, "count(" LOT1 "/cac:ProcurementProject/cac:RealizedLocation)", "3");
    assert_xp(n, "count(" LOT2P "/cac:ProcurementProject/cac:RealizedLocation)", "1");
    assert_xp(n, "string(" LOT2P "/cac:ProcurementProject/cac:RealizedLocation//cbc:CountrySubentityCode)",
              "BE100");
    xmlFreeDoc(n);
    /* a NUTS code the profile gave wins over the table */
    s.buyer_nuts = " nuts=\"BE100\"";
    n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "string(//efac:Company[cac:PartyIdentification/cbc:ID='ORG-0001']"
                 "/cac:PostalAddress/cbc:CountrySubentityCode)", "BE100");
    xmlFreeDoc(n);
}

static void test_notice__nuts_table_covers_every_postal_code_once(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf data;
    tp_buf_init(&data);
    assert_int_equal(tp_resource_load(&data, NULL, "templates/notice/nuts-be.xml", &d), TP_OK);
    xmlDocPtr doc = parse_or_die(data.data, data.len, "nuts-be.xml");
    static int hits[10000];
    memset(hits, 0, sizeof hits);
    int areas = 0, ranges = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr a = tp_xml_child(root, "area"); a; a = tp_xml_next(a, "area"))
        areas++;
    for (xmlNodePtr r = tp_xml_child(root, "range"); r; r = tp_xml_next(r, "range")) {
        char *from = tp_xml_attr(r, "from"), *to = tp_xml_attr(r, "to"), *nuts = tp_xml_attr(r, "nuts");
        int lo = atoi(from), hi = atoi(to);
        assert_true(lo >= 1000 && hi <= 9999 && lo <= hi);
        for (int pc = lo; pc <= hi; pc++)
            hits[pc]++;
        /* every range names a declared area */
        bool declared = false;
        for (xmlNodePtr a = tp_xml_child(root, "area"); a; a = tp_xml_next(a, "area")) {
            char *code = tp_xml_attr(a, "code");
            declared |= strcmp(code, nuts) == 0;
            free(code);
        }
        assert_true(declared);
        ranges++;
        free(from);
        free(to);
        free(nuts);
    }
    for (int pc = 1000; pc <= 9999; pc++)
        assert_int_equal(hits[pc], 1);
    assert_int_equal(areas, 44); /* every Belgian NUTS-3 code of the SDK list but BEZZZ */
    assert_true(ranges >= 11);   /* at least the provinces */
    xmlFreeDoc(doc);
    tp_buf_dispose(&data);
    tp_diags_dispose(&d);
}

static void test_notice__cpv_lots_amounts_options(void **state)
{
    tender_spec s = open_above();
    s.two_lots = true;
    xmlDocPtr n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cbc:ProcurementTypeCode)", "supplies");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode)",
              "30213100");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount)",
              "172000.00");
    assert_xp(n, "string(/n:ContractNotice/cac:TenderingTerms/cac:LotDistribution/cbc:MaximumLotsSubmittedNumeric)", "2");
    assert_xp(n, "count(/n:ContractNotice/cac:ProcurementProjectLot)", "2");
    assert_xp(n, "string(" LOT2P "/cac:ProcurementProject/cac:MainCommodityClassification/cbc:ItemClassificationCode)",
              "30237200");
    assert_xp(n, "string(" LOT2P "/cac:ProcurementProject/cac:AdditionalCommodityClassification/cbc:ItemClassificationCode)",
              "30237270");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cac:RequestedTenderTotal/cbc:EstimatedOverallContractAmount)",
              "171000.00");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cac:ContractExtension/cbc:OptionsDescription)",
              "Options : Garantie 5 ans (300 unités).");
    assert_xp(n, "count(" LOT2P "/cac:ProcurementProject/cac:ContractExtension)", "0");
    assert_xp(n, "starts-with(" LOT2P "/cac:ProcurementProject/cbc:Description,"
                 " 'Housses de protection : 50 unités, livrées dans les implantations des écoles "
                 "du pouvoir organisateur (École B : 50).')", "true");
    assert_xp(n, "string(" LOT1 "/cac:ProcurementProject/cbc:ID)", "TEST-2026-01-L1");
    xmlFreeDoc(n);
    /* one lot: no lot distribution (BT-31 is forbidden then) */
    s.two_lots = false;
    n = notice_of(&s, NULL, TP_NOTICE_16);
    assert_xp(n, "count(//cac:LotDistribution)", "0");
    assert_xp(n, "string(/n:ContractNotice/cac:ProcurementProject/cbc:Name)",
              "Ordinateurs portables — Province de Test");
    xmlFreeDoc(n);
}

static void expect_refused(const tender_spec *s, tp_err want, const char *field)
{
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    int subtype = -1;
    assert_int_equal(build(s, NULL, &out, &subtype, &d), want);
    assert_int_equal(out.len, 0);
    assert_int_equal(subtype, TP_NOTICE_NONE);
    assert_true(d.nerrors >= 1);
    if (field) {
        bool found = false;
        for (size_t i = 0; i < d.n; i++)
            found |= d.v[i].field && strcmp(d.v[i].field, field) == 0;
        assert_true(found);
    }
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
}

static void test_notice__broken_tender_refused_before_output(void **state)
{
    tender_spec s = open_above();
    s.cpv = "3021310-6"; /* seven digits */
    expect_refused(&s, TP_EINVALID, NULL);
    s = open_above();
    s.electronic = "false";
    expect_refused(&s, TP_EINVALID, "dates/@electronicSubmission");
    s = open_above();
    s.delivery = "2026-11-20"; /* before the deadline */
    expect_refused(&s, TP_EINVALID, "dates/@delivery");
    /* not a tender at all */
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    int subtype = -1;
    const char *other = "<profile xmlns=\"urn:x\"/>";
    xmlDocPtr doc = parse_or_die(other, strlen(other), "x.xml");
    assert_int_equal(tp_notice_build(&out, &subtype, doc, NULL, &d), TP_EINVALID);
    assert_int_equal(out.len, 0);
    assert_non_null(strstr(d.v[0].msg, "not a tender"));
    xmlFreeDoc(doc);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
}

static void test_notice__output_is_deterministic_and_valid(void **state)
{
    tender_spec s = open_above();
    s.two_lots = true;
    tp_buf a, b;
    tp_buf_init(&a);
    tp_buf_init(&b);
    tp_diags d;
    tp_diags_init(&d);
    int subtype;
    assert_int_equal(build(&s, NULL, &a, &subtype, &d), TP_OK);
    assert_int_equal(build(&s, NULL, &b, &subtype, &d), TP_OK);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_true(strncmp(a.data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ContractNotice ", 55) == 0);
    xmlDocPtr n = parse_or_die(a.data, a.len, "notice");
    assert_int_equal(tp_xsd_validate(n, TP_NOTICE_XSD, "notice", &d), TP_OK);
    assert_int_equal(d.nerrors, 0);
    xmlFreeDoc(n);
    tp_buf_dispose(&a);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_notice__eforms_xsd_bundled_and_strict(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_xsd_preload(TP_NOTICE_XSD, &d), TP_OK);
    const char *empty = "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
                        "ContractNotice-2\"/>";
    xmlDocPtr doc = parse_or_die(empty, strlen(empty), "empty.xml");
    assert_int_equal(tp_xsd_validate(doc, TP_NOTICE_XSD, "empty.xml", &d), TP_EINVALID);
    assert_true(d.nerrors >= 1);
    xmlFreeDoc(doc);
    tp_diags_dispose(&d);
}

/* A template that writes an invalid notice: the engine refuses to return it. */
static void test_notice__invalid_notice_never_returned(void **state)
{
    char dir[] = "/tmp/tp-notice-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[64], file[96];
    snprintf(sub, sizeof sub, "%s/notice", dir);
    snprintf(file, sizeof file, "%s/eforms-cn.xsl", sub);
    assert_int_equal(mkdir(sub, 0700), 0);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
          "  <xsl:template match=\"/\"><ContractNotice xmlns=\"urn:oasis:names:specification:ubl:"
          "schema:xsd:ContractNotice-2\"><Bogus/></ContractNotice></xsl:template>\n"
          "</xsl:stylesheet>\n",
          f);
    fclose(f);
    tp_xslt_cleanup(); /* drop the compiled built-in template */
    tp_resources_set_templates_dir(dir);
    tender_spec s = open_above();
    tp_diags d;
    tp_diags_init(&d);
    tp_buf out;
    tp_buf_init(&out);
    int subtype = -1;
    assert_int_equal(build(&s, NULL, &out, &subtype, &d), TP_ETEMPLATE);
    assert_int_equal(out.len, 0);
    assert_int_equal(subtype, TP_NOTICE_NONE);
    assert_non_null(strstr(d.v[d.n - 1].msg, "not valid against the eForms XSD"));
    tp_resources_set_templates_dir(NULL);
    tp_xslt_cleanup();
    unlink(file);
    rmdir(sub);
    rmdir(dir);
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_notice__subtype_codes),
        cmocka_unit_test(test_notice__above_threshold_gives_16),
        cmocka_unit_test(test_notice__below_threshold_gives_e3),
        cmocka_unit_test(test_notice__pndapp_is_single_stage_without_opening),
        cmocka_unit_test(test_notice__unpublished_procedures_have_no_notice),
        cmocka_unit_test(test_notice__forced_subtypes),
        cmocka_unit_test(test_notice__dates_carry_brussels_offsets),
        cmocka_unit_test(test_notice__ids_are_deterministic_version4_uuids),
        cmocka_unit_test(test_notice__buyer_legal_type_and_activity),
        cmocka_unit_test(test_notice__buyer_and_review_body),
        cmocka_unit_test(test_notice__award_criteria_types_and_weights),
        cmocka_unit_test(test_notice__nuts_from_profile_or_postal_code),
        cmocka_unit_test(test_notice__nuts_table_covers_every_postal_code_once),
        cmocka_unit_test(test_notice__cpv_lots_amounts_options),
        cmocka_unit_test(test_notice__broken_tender_refused_before_output),
        cmocka_unit_test(test_notice__output_is_deterministic_and_valid),
        cmocka_unit_test(test_notice__eforms_xsd_bundled_and_strict),
        cmocka_unit_test(test_notice__invalid_notice_never_returned),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    tp_xslt_cleanup();
    tp_xml_cleanup();
    return rc;
}
