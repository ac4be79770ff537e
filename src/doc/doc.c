/* The document tree: builder, containment rules, numbering, iterator.
 * Loading from XML lives in doc_load.c. */
#include "doc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"

#define MAX_SECTION_LEVEL 3

tp_doc *tp_doc_new(void)
{
    tp_doc *doc = xcalloc(1, sizeof *doc);
    doc->root = tp_node_new(TP_NODE_DOCUMENT);
    doc->lang = xstrdup("fr");
    return doc;
}

tp_node *tp_node_new(tp_node_type type)
{
    assert(type >= 0 && type < TP_NODE_TYPE_COUNT);
    tp_node *n = xcalloc(1, sizeof *n);
    n->type = type;
    n->colspan = 1;
    if (type == TP_NODE_SECTION || type == TP_NODE_ANNEX || type == TP_NODE_HEADING)
        n->level = 1;
    return n;
}

static void node_free(tp_node *n)
{
    /* Iterative over siblings, recursive over depth (bounded by the vocabulary). */
    while (n) {
        tp_node *next = n->next;
        node_free(n->first);
        free(n->text);
        free(n->number);
        free(n->id);
        free(n->widths);
        free(n);
        n = next;
    }
}

void tp_doc_free(tp_doc *doc)
{
    if (!doc)
        return;
    node_free(doc->root);
    free(doc->lang);
    free(doc->title);
    free(doc->subject);
    free(doc->author);
    free(doc->keywords);
    free(doc->header);
    free(doc->footer);
    free(doc);
}

static bool is_inline(tp_node_type t)
{
    return t == TP_NODE_TEXT || t == TP_NODE_EMPH || t == TP_NODE_STRONG || t == TP_NODE_BREAK;
}

static bool is_block(tp_node_type t)
{
    return t == TP_NODE_PARA || t == TP_NODE_LIST || t == TP_NODE_TABLE ||
           t == TP_NODE_PAGEBREAK;
}

bool tp_node_can_contain(tp_node_type parent, tp_node_type child)
{
    switch (parent) {
    case TP_NODE_DOCUMENT:
        return child == TP_NODE_COVER || child == TP_NODE_TOC || child == TP_NODE_SECTION ||
               child == TP_NODE_ANNEX;
    case TP_NODE_COVER:
        return child == TP_NODE_TITLE || child == TP_NODE_SUBTITLE || child == TP_NODE_FIELD;
    case TP_NODE_SECTION:
        return child == TP_NODE_HEADING || child == TP_NODE_SECTION || is_block(child);
    case TP_NODE_ANNEX:
        return child == TP_NODE_HEADING || is_block(child);
    case TP_NODE_LIST:
        return child == TP_NODE_ITEM;
    case TP_NODE_TABLE:
        return child == TP_NODE_ROW;
    case TP_NODE_ROW:
        return child == TP_NODE_CELL;
    case TP_NODE_TITLE:
    case TP_NODE_SUBTITLE:
    case TP_NODE_FIELD:
    case TP_NODE_HEADING:
    case TP_NODE_PARA:
    case TP_NODE_ITEM:
    case TP_NODE_CELL:
    case TP_NODE_EMPH:
    case TP_NODE_STRONG:
        return is_inline(child);
    default:
        return false;
    }
}

bool tp_node_is_leaf(tp_node_type t)
{
    return t == TP_NODE_TEXT || t == TP_NODE_BREAK || t == TP_NODE_PAGEBREAK || t == TP_NODE_TOC;
}

#ifndef NDEBUG
/* Levels of SECTION ancestors of n, n included when it is a section. */
static int section_depth(const tp_node *n)
{
    int depth = 0;
    for (; n; n = n->parent)
        if (n->type == TP_NODE_SECTION)
            depth++;
    return depth;
}

/* Height of the section subtree rooted at n (1 for a section without subsections). */
static int section_height(const tp_node *n)
{
    if (n->type != TP_NODE_SECTION)
        return 0;
    int best = 0;
    for (const tp_node *c = n->first; c; c = c->next) {
        int h = section_height(c);
        if (h > best)
            best = h;
    }
    return best + 1;
}
#endif

tp_node *tp_node_append(tp_node *parent, tp_node *child)
{
    assert(parent && child && !child->parent);
    assert(tp_node_can_contain(parent->type, child->type));
    assert(section_depth(parent) + section_height(child) <= MAX_SECTION_LEVEL);
    child->parent = parent;
    child->prev = parent->last;
    child->next = NULL;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
    return child;
}

tp_node *tp_node_add_text(tp_node *parent, const char *utf8)
{
    tp_node *t = tp_node_new(TP_NODE_TEXT);
    t->text = xstrdup(utf8 ? utf8 : "");
    return tp_node_append(parent, t);
}

/* Annex letters: A..Z, then AA, AB, … (spreadsheet style). */
static void annex_letter(char *out, size_t cap, int index)
{
    char tmp[8];
    size_t n = 0;
    index++; /* 1-based bijective base 26 */
    while (index > 0 && n < sizeof tmp) {
        index--;
        tmp[n++] = (char)('A' + index % 26);
        index /= 26;
    }
    size_t k = 0;
    while (n > 0 && k + 1 < cap)
        out[k++] = tmp[--n];
    out[k] = '\0';
}

static tp_node *heading_of(tp_node *s)
{
    for (tp_node *c = s->first; c; c = c->next)
        if (c->type == TP_NODE_HEADING)
            return c;
    return NULL;
}

static void set_number(tp_node *s, const char *number, const char *gen_id, int level)
{
    free(s->number);
    s->number = xstrdup(number);
    s->level = level;
    if (!s->id)
        s->id = xstrdup(gen_id);
    tp_node *h = heading_of(s);
    if (h) {
        free(h->number);
        h->number = xstrdup(number);
        h->level = level;
        free(h->id);
        h->id = xstrdup(s->id);
    }
}

static void number_sections(tp_node *parent, const char *prefix, const char *id_prefix, int level)
{
    int count = 0;
    tp_buf number, id;
    tp_buf_init(&number);
    tp_buf_init(&id);
    for (tp_node *c = parent->first; c; c = c->next) {
        if (c->type != TP_NODE_SECTION)
            continue;
        count++;
        tp_buf_clear(&number);
        tp_buf_clear(&id);
        tp_buf_printf(&number, "%s%s%d", prefix, prefix[0] ? "." : "", count);
        tp_buf_printf(&id, "%s%s%d", id_prefix, prefix[0] ? "-" : "", count);
        set_number(c, tp_buf_cstr(&number), tp_buf_cstr(&id), level);
        number_sections(c, tp_buf_cstr(&number), tp_buf_cstr(&id), level + 1);
    }
    tp_buf_dispose(&number);
    tp_buf_dispose(&id);
}

void tp_doc_number(tp_doc *doc)
{
    if (!doc || !doc->root)
        return;
    number_sections(doc->root, "", "s", 1);
    int annexes = 0;
    for (tp_node *c = doc->root->first; c; c = c->next) {
        if (c->type != TP_NODE_ANNEX)
            continue;
        char letter[8], id[32];
        annex_letter(letter, sizeof letter, annexes++);
        snprintf(id, sizeof id, "annex-%s", letter);
        set_number(c, letter, id, 1);
    }
}

static void plain_text(tp_buf *b, const tp_node *n)
{
    for (const tp_node *c = n->first; c; c = c->next) {
        if (c->type == TP_NODE_TEXT)
            tp_buf_puts(b, c->text ? c->text : "");
        else if (c->type == TP_NODE_BREAK)
            tp_buf_putc(b, ' ');
        else
            plain_text(b, c);
    }
}

char *tp_node_plain_text(const tp_node *n)
{
    tp_buf b;
    tp_buf_init(&b);
    if (n && n->type == TP_NODE_TEXT)
        tp_buf_puts(&b, n->text ? n->text : "");
    else if (n)
        plain_text(&b, n);
    return tp_buf_detach(&b);
}

/* ---------------------------------------------------------------- iterator */

void tp_iter_init(tp_iter *it, const tp_node *root)
{
    it->root = root;
    it->cur = root;
    it->ev = TP_EV_DONE; /* with cur != NULL: not started */
}

tp_event tp_iter_next(tp_iter *it)
{
    if (!it->cur)
        return it->ev = TP_EV_DONE;
    if (it->ev == TP_EV_DONE)
        return it->ev = TP_EV_ENTER; /* first call: the root */
    const tp_node *n = it->cur;
    if (it->ev == TP_EV_ENTER && !tp_node_is_leaf(n->type)) {
        if (n->first) {
            it->cur = n->first;
            return it->ev = TP_EV_ENTER;
        }
        return it->ev = TP_EV_EXIT;
    }
    /* leaving n (an entered leaf or an exited container) */
    if (n == it->root) {
        it->cur = NULL;
        return it->ev = TP_EV_DONE;
    }
    if (n->next) {
        it->cur = n->next;
        return it->ev = TP_EV_ENTER;
    }
    it->cur = n->parent;
    return it->ev = TP_EV_EXIT;
}

const tp_node *tp_iter_node(const tp_iter *it)
{
    return it->cur;
}
