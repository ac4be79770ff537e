/* The XML front door refuses what hostile input uses: DTDs (entity bombs,
 * external entities), oversize documents, deep nesting. */
#include "tp_test.h"

#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "xml/xmlsafe.h"

static tp_err parse(const char *xml, tp_diags *d, xmlDocPtr *doc)
{
    return tp_xml_parse(doc, xml, strlen(xml), "t.xml", d);
}

static void test_xmlsafe__good_document_keeps_lines(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    assert_int_equal(parse("<a>\n <b x=' 1 '>  hi &amp; bye </b>\n</a>", &d, &doc), TP_OK);
    xmlNodePtr b = tp_xml_child(xmlDocGetRootElement(doc), "b");
    assert_non_null(b);
    assert_int_equal(tp_xml_line(b), 2);
    char *t = tp_xml_text(b), *x = tp_xml_attr(b, "x");
    assert_string_equal(t, "hi & bye");
    assert_string_equal(x, "1");
    assert_null(tp_xml_attr(b, "nope"));
    free(t);
    free(x);
    xmlFreeDoc(doc);
    tp_diags_dispose(&d);
}

static void test_xmlsafe__billion_laughs_refused(void **state)
{
    const char *bomb =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n<lolz>&lol9;</lolz>\n";
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = (xmlDocPtr)1;
    assert_int_equal(parse(bomb, &d, &doc), TP_ELIMIT);
    assert_null(doc);
    assert_int_equal(d.nerrors, 1);
    assert_int_equal(d.v[0].line, 2);
    assert_non_null(strstr(d.v[0].msg, "document type declarations are refused"));
    tp_diags_dispose(&d);
}

static void test_xmlsafe__external_entity_refused(void **state)
{
    const char *xxe = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                      "<r>&x;</r>\n";
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    assert_int_equal(parse(xxe, &d, &doc), TP_ELIMIT);
    assert_null(doc);
    tp_diags_dispose(&d);
    /* An external DTD is refused as well (no network, no file). */
    tp_diags_init(&d);
    assert_int_equal(parse("<!DOCTYPE r SYSTEM \"http://example.com/x.dtd\"><r/>", &d, &doc),
                     TP_ELIMIT);
    tp_diags_dispose(&d);
}

static void test_xmlsafe__size_limit(void **state)
{
    size_t n = TP_XML_MAX_BYTES + 1;
    char *big = malloc(n);
    memset(big, ' ', n);
    memcpy(big, "<a>", 3);
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    assert_int_equal(tp_xml_parse(&doc, big, n, "big.xml", &d), TP_ELIMIT);
    assert_non_null(strstr(d.v[0].msg, "limit"));
    free(big);
    tp_diags_dispose(&d);
}

static void test_xmlsafe__depth_limit(void **state)
{
    tp_buf b;
    tp_buf_init(&b);
    for (int i = 0; i < TP_XML_MAX_DEPTH + 2; i++)
        tp_buf_puts(&b, "<a>");
    for (int i = 0; i < TP_XML_MAX_DEPTH + 2; i++)
        tp_buf_puts(&b, "</a>");
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    assert_int_equal(tp_xml_parse(&doc, b.data, b.len, "deep.xml", &d), TP_ELIMIT);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_xmlsafe__malformed_reports_line(void **state)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr doc = NULL;
    assert_int_equal(parse("<a>\n<b>\n</a>", &d, &doc), TP_EPARSE);
    assert_true(d.nerrors >= 1);
    assert_int_equal(d.v[0].line, 3);
    assert_string_equal(d.v[0].file, "t.xml");
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xmlsafe__good_document_keeps_lines),
        cmocka_unit_test(test_xmlsafe__billion_laughs_refused),
        cmocka_unit_test(test_xmlsafe__external_entity_refused),
        cmocka_unit_test(test_xmlsafe__size_limit),
        cmocka_unit_test(test_xmlsafe__depth_limit),
        cmocka_unit_test(test_xmlsafe__malformed_reports_line),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    tp_xml_cleanup();
    return rc;
}
