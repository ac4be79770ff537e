/* Templates run with a security policy: they read only bundled templates,
 * never write files, and a broken one is reported with its file and line. */
#include "tp_test.h"

#include <libexslt/exslt.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/err.h"
#include "data/resources.h"
#include "xml/xmlsafe.h"
#include "xslt/xslt.h"

static xmlDocPtr input(void)
{
    static const char xml[] = "<r><item/><item/></r>";
    xmlDocPtr doc = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_xml_parse(&doc, xml, sizeof xml - 1, "in.xml", &d), TP_OK);
    tp_diags_dispose(&d);
    return doc;
}

static int setup(void **state)
{
    tp_resources_set_templates_dir(TP_SOURCE_DIR "/tests/data/xslt");
    return 0;
}

static void test_xslt__include_and_params(void **state)
{
    xmlDocPtr in = input();
    tp_buf out;
    tp_buf_init(&out);
    tp_diags d;
    tp_diags_init(&d);
    const char *params[] = {"who", "l'école \"A\"", NULL};
    assert_int_equal(tp_xslt_apply_to_buf(&out, "main.xsl", in, params, &d), TP_OK);
    assert_non_null(strstr(tp_buf_cstr(&out), "who=\"l'école &quot;A&quot;\""));
    assert_non_null(strstr(tp_buf_cstr(&out), ">Bonjour é 2</out>"));
    tp_buf_dispose(&out);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

static void test_xslt__broken_template_names_file(void **state)
{
    xmlDocPtr in = input(), out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_xslt_apply(&out, "broken.xsl", in, NULL, &d), TP_ETEMPLATE);
    assert_null(out);
    assert_true(d.nerrors >= 1);
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        if (d.v[i].file && strstr(d.v[i].file, "broken.xsl") && d.v[i].line == 4)
            found = 1;
    assert_true(found);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

static void test_xslt__no_file_read(void **state)
{
    xmlDocPtr in = input(), out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    tp_err rc = tp_xslt_apply(&out, "reads-file.xsl", in, NULL, &d);
    assert_int_equal(rc, TP_ETEMPLATE);
    assert_null(out);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

static void test_xslt__no_file_write(void **state)
{
    exsltRegisterAll();
    unlink("/tmp/tenderpack-xslt-escape.txt");
    xmlDocPtr in = input(), out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    tp_err rc = tp_xslt_apply(&out, "writes-file.xsl", in, NULL, &d);
    assert_int_equal(rc, TP_ETEMPLATE);
    assert_int_not_equal(access("/tmp/tenderpack-xslt-escape.txt", F_OK), 0);
    xmlFreeDoc(out);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

static void test_xslt__terminate_is_an_error(void **state)
{
    xmlDocPtr in = input(), out = NULL;
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_xslt_apply(&out, "terminates.xsl", in, NULL, &d), TP_ETEMPLATE);
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        if (strstr(d.v[i].msg, "lot sans exigences"))
            found = 1;
    assert_true(found);
    tp_diags_dispose(&d);
    xmlFreeDoc(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xslt__include_and_params),
        cmocka_unit_test(test_xslt__broken_template_names_file),
        cmocka_unit_test(test_xslt__no_file_read),
        cmocka_unit_test(test_xslt__no_file_write),
        cmocka_unit_test(test_xslt__terminate_is_an_error),
    };
    int rc = cmocka_run_group_tests(tests, setup, NULL);
    tp_xslt_cleanup();
    tp_xml_cleanup();
    return rc;
}
