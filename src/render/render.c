#include "render.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "render_int.h"

const tp_renderer tp_renderers[] = {
    {"pdf", ".pdf", "application/pdf", tp_render_pdf},
    {"odt", ".odt", "application/vnd.oasis.opendocument.text", tp_render_odt},
    {"docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     tp_render_docx},
};
const size_t tp_renderer_count = sizeof tp_renderers / sizeof tp_renderers[0];

const tp_renderer *tp_renderer_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < tp_renderer_count; i++)
        if (strcmp(tp_renderers[i].name, name) == 0)
            return &tp_renderers[i];
    return NULL;
}

int tp_heading_level(const tp_node *heading)
{
    if (!heading || heading->type != TP_NODE_HEADING || !heading->parent)
        return 0;
    const tp_node *owner = heading->parent;
    if (owner->type == TP_NODE_ANNEX)
        return 1;
    if (owner->type != TP_NODE_SECTION)
        return 0;
    int level = owner->level ? owner->level : heading->level;
    return level < 1 ? 1 : level > 3 ? 3 : level;
}

void tp_render_heading_label(tp_buf *b, const tp_node *heading)
{
    const tp_node *owner = heading->parent;
    const char *number = heading->number ? heading->number : owner ? owner->number : NULL;
    if (!owner || !number || !*number)
        return;
    if (owner->type == TP_NODE_ANNEX)
        tp_buf_printf(b, "Annexe %s \xE2\x80\x94 ", number); /* em dash */
    else if (owner->type == TP_NODE_SECTION)
        tp_buf_printf(b, "%s ", number);
}

size_t tp_toc_collect(const tp_doc *doc, tp_toc_entry **out)
{
    tp_toc_entry *v = NULL;
    size_t n = 0, cap = 0;
    tp_iter it;
    tp_iter_init(&it, doc->root);
    tp_event ev;
    while ((ev = tp_iter_next(&it)) != TP_EV_DONE) {
        const tp_node *node = tp_iter_node(&it);
        int level = ev == TP_EV_ENTER ? tp_heading_level(node) : 0;
        if (!level)
            continue;
        tp_buf text;
        tp_buf_init(&text);
        tp_render_heading_label(&text, node);
        char *plain = tp_node_plain_text(node);
        tp_buf_puts(&text, plain ? plain : "");
        free(plain);
        tp_grow((void **)&v, &cap, n, sizeof *v);
        v[n++] = (tp_toc_entry){node, level, node->parent->id, tp_buf_detach(&text)};
    }
    *out = v;
    return n;
}

void tp_toc_free(tp_toc_entry *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i].text);
    free(v);
}

void tp_render_lang(const tp_doc *doc, char lang[4], char country[4])
{
    strcpy(lang, "fr");
    strcpy(country, "BE");
    const char *s = doc ? doc->lang : NULL;
    if (!s || !islower((unsigned char)s[0]) || !islower((unsigned char)s[1]))
        return;
    lang[0] = s[0], lang[1] = s[1], lang[2] = '\0';
    if ((s[2] == '-' || s[2] == '_') && isupper((unsigned char)s[3]) &&
        isupper((unsigned char)s[4]) && s[5] == '\0')
        country[0] = s[3], country[1] = s[4], country[2] = '\0';
}

void tp_render_put_uint(tp_buf *b, unsigned long long n)
{
    char digits[24];
    size_t i = sizeof digits;
    do {
        digits[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    tp_buf_put(b, digits + i, sizeof digits - i);
}
