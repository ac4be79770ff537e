/* Shared by test_odt.c and test_docx.c: a small document tree built with the
 * builder API, reading one part back out of a rendered package, and running
 * the independent checker on the bundled sample. */
#ifndef TP_RENDER_FIXTURE_H
#define TP_RENDER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "core/buf.h"
#include "core/mem.h"
#include "doc/doc.h"
#include "render/render.h"
#include "xml/xmlsafe.h"

#define FIXTURE_EPOCH 1796083200 /* 2026-12-01T00:00:00Z */

static inline tp_node *fixture_add(tp_node *parent, tp_node_type type, const char *text)
{
    tp_node *n = tp_node_append(parent, tp_node_new(type));
    if (text)
        tp_node_add_text(n, text);
    return n;
}

static inline tp_node *fixture_cell(tp_node *row, const char *text, int colspan)
{
    tp_node *c = fixture_add(row, TP_NODE_CELL, text);
    c->colspan = colspan;
    return c;
}

/* Cover (title, one field), TOC, section 1 with a paragraph (escaping, bold,
 * italic, double space, tab, line break), an ordered list, section 1.1 with
 * a table (head, body, foot with colspan, then a late head row), a second
 * ordered list, and annex A. */
static inline tp_doc *fixture_doc(void)
{
    tp_doc *doc = tp_doc_new();
    doc->title = xstrdup("CSC <n°1> & annexes");
    doc->subject = xstrdup("Fournitures");
    doc->author = xstrdup("PO de l'Athénée");
    doc->keywords = xstrdup("marché public, FWB ; ordinateurs");
    doc->header = xstrdup("CSC PO-1 & co");
    doc->footer = xstrdup("Fédération Wallonie-Bruxelles");
    tp_node *root = doc->root;

    tp_node *cover = fixture_add(root, TP_NODE_COVER, NULL);
    fixture_add(cover, TP_NODE_TITLE, "Cahier spécial des charges");
    tp_node *field = fixture_add(cover, TP_NODE_FIELD, "PO-2026-014");
    field->text = xstrdup("Référence");
    fixture_add(root, TP_NODE_TOC, NULL);

    tp_node *s1 = fixture_add(root, TP_NODE_SECTION, NULL);
    fixture_add(s1, TP_NODE_HEADING, "Objet");
    tp_node *p = fixture_add(s1, TP_NODE_PARA, "A & B < C \"q\" \x01x\xFFy  z\tt ");
    fixture_add(p, TP_NODE_STRONG, "gras");
    tp_node *em = fixture_add(p, TP_NODE_EMPH, "ital ");
    fixture_add(em, TP_NODE_STRONG, "both");
    fixture_add(p, TP_NODE_BREAK, NULL);
    tp_node_add_text(p, "ligne 2");
    tp_node *list = fixture_add(s1, TP_NODE_LIST, NULL);
    list->ordered = true;
    fixture_add(list, TP_NODE_ITEM, "un");
    fixture_add(list, TP_NODE_ITEM, "deux");

    tp_node *s11 = fixture_add(s1, TP_NODE_SECTION, NULL);
    fixture_add(s11, TP_NODE_HEADING, "Détail");
    tp_node *t = fixture_add(s11, TP_NODE_TABLE, NULL);
    t->ncols = 2;
    t->widths = xmalloc(2 * sizeof *t->widths);
    t->widths[0] = 30;
    t->widths[1] = 70;
    tp_node *head = fixture_add(t, TP_NODE_ROW, NULL);
    head->row_kind = TP_ROW_HEAD;
    fixture_cell(head, "N°", 1)->align = TP_ALIGN_CENTER;
    fixture_cell(head, "Libellé", 1);
    tp_node *body = fixture_add(t, TP_NODE_ROW, NULL);
    fixture_cell(body, "1", 1);
    fixture_cell(body, "Portable", 1)->align = TP_ALIGN_RIGHT;
    tp_node *foot = fixture_add(t, TP_NODE_ROW, NULL);
    foot->row_kind = TP_ROW_FOOT;
    fixture_cell(foot, "Total", 2);
    tp_node *late = fixture_add(t, TP_NODE_ROW, NULL);
    late->row_kind = TP_ROW_HEAD;
    fixture_cell(late, "Tard", 1);
    fixture_cell(late, "Tête", 1);
    tp_node *list2 = fixture_add(s11, TP_NODE_LIST, NULL);
    list2->ordered = true;
    fixture_add(list2, TP_NODE_ITEM, "encore un");

    tp_node *annex = fixture_add(root, TP_NODE_ANNEX, NULL);
    fixture_add(annex, TP_NODE_HEADING, "Formulaire");
    fixture_add(annex, TP_NODE_PARA, "Signature");
    tp_doc_number(doc);
    return doc;
}

static inline void fixture_render(tp_buf *out, const char *format, const tp_doc *doc)
{
    const tp_renderer *r = tp_renderer_find(format);
    assert_non_null(r);
    tp_render_opts opts = {FIXTURE_EPOCH, "PO-2026-014/csc"};
    tp_diags d;
    tp_diags_init(&d);
    tp_buf_init(out);
    assert_int_equal(r->render(out, doc, &opts, &d), TP_OK);
    assert_int_equal(d.n, 0);
    tp_diags_dispose(&d);
}

/* The named part of a zip in memory, NUL-terminated (caller frees), or NULL. */
static inline char *fixture_part(const tp_buf *zipbuf, const char *name)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(zipbuf->data, zipbuf->len, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    char *text = NULL;
    zip_stat_t st;
    if (za && zip_stat(za, name, 0, &st) == 0) {
        text = xcalloc(1, (size_t)st.size + 1);
        zip_file_t *f = zip_fopen(za, name, 0);
        if (!f || zip_fread(f, text, st.size) != (zip_int64_t)st.size) {
            free(text);
            text = NULL;
        }
        if (f)
            zip_fclose(f);
    }
    if (za)
        zip_close(za);
    else if (src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return text;
}

/* Name of entry i, copied into buf (for order checks). */
static inline const char *fixture_entry(const tp_buf *zipbuf, zip_uint64_t i, char *buf, size_t cap)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(zipbuf->data, zipbuf->len, 0, &ze);
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    buf[0] = '\0';
    const char *name = za ? zip_get_name(za, i, 0) : NULL;
    if (name)
        snprintf(buf, cap, "%s", name);
    if (za)
        zip_close(za);
    zip_error_fini(&ze);
    return buf;
}

/* Every XML part must be well-formed: parse it with libxml2. */
static inline void fixture_assert_wellformed(const char *xml, const char *name)
{
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr x = NULL;
    tp_err err = tp_xml_parse(&x, xml, strlen(xml), name, &d);
    if (err != TP_OK)
        tp_diags_print(&d, stderr);
    assert_int_equal(err, TP_OK);
    xmlFreeDoc(x);
    tp_diags_dispose(&d);
}

/* Renders tests/data/document-sample.xml to a temporary file and runs the
 * independent checker on it (full mode, with LibreOffice); skips when the
 * checker is not installed. */
static inline void fixture_check_sample(const char *format)
{
    const char *checker = TP_SHARED_DIR "/validators/check-doc";
    if (access(checker, R_OK) != 0 || access("/usr/bin/python3", X_OK) != 0) {
        skip();
        return;
    }
    tp_diags d;
    tp_diags_init(&d);
    xmlDocPtr x = NULL;
    tp_doc *doc = NULL;
    assert_int_equal(tp_xml_read(&x, TP_SOURCE_DIR "/tests/data/document-sample.xml", &d), TP_OK);
    assert_int_equal(tp_doc_from_xml(&doc, x, "document-sample.xml", &d), TP_OK);
    tp_buf out;
    fixture_render(&out, format, doc);

    char dir[] = "/tmp/tp-render-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64], cmd[512];
    snprintf(path, sizeof path, "%s/sample.%s", dir, format);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(out.data, 1, out.len, f), out.len);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 %s --expect-text 'Fédération' --expect-text 'Annexe B' %s "
             "> %s/check.txt 2>&1",
             checker, path, dir);
    int rc = system(cmd);
    if (rc != 0) {
        snprintf(cmd, sizeof cmd, "cat %s/check.txt", dir);
        int shown = system(cmd);
        (void)shown;
    }
    assert_true(WIFEXITED(rc));
    assert_int_equal(WEXITSTATUS(rc), 0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    int removed = system(cmd);
    (void)removed;
    tp_buf_dispose(&out);
    tp_doc_free(doc);
    xmlFreeDoc(x);
    tp_diags_dispose(&d);
}

#endif
