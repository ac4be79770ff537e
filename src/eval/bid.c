/* The bid model and the reader's state machine: SAX2-shaped events (from
 * libxml2 or the scanner, see bid_read.c) checked against a table of the
 * elements of schemas/bid.xsd and a small sequence checker. Keep the table
 * in step with the schema: tests/unit/test_eval_bid.c checks that both
 * agree on every sample and broken bid. */
#include "bid.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/mem.h"
#include "../model/profile.h"
#include "bid_form.h"
#include "bid_reader.h"

#define MAX_PROBLEMS_PER_BID 50

/* ------------------------------------------------------------------ model */

/* Strings go to a per-bid arena: a bid has about a hundred of them, and
 * 100 000 bids would otherwise cost ten million malloc/free pairs. */
#define ARENA_BLOCK 4096

struct tp_bid_arena {
    struct tp_bid_arena *next;
    size_t used, cap;
    char data[];
};

static struct tp_bid_arena *arena_block(tp_bid *b, size_t n)
{
    size_t cap = n + 1 > ARENA_BLOCK ? n + 1 : ARENA_BLOCK;
    struct tp_bid_arena *a = xmalloc(sizeof *a + cap);
    a->next = b->arena;
    a->used = 0;
    a->cap = cap;
    b->arena = a;
    return a;
}

static inline char *arena_strndup(tp_bid *b, const char *s, size_t n)
{
    struct tp_bid_arena *a = b->arena;
    if (!a || a->cap - a->used < n + 1)
        a = arena_block(b, n);
    char *r = a->data + a->used;
    memcpy(r, s, n);
    r[n] = '\0';
    a->used += n + 1;
    return r;
}

static char *arena_strdup(tp_bid *b, const char *s)
{
    return s ? arena_strndup(b, s, strlen(s)) : NULL;
}

char *tp_bid_strdup(tp_bid *b, const char *s)
{
    return arena_strdup(b, s);
}

void tp_bid_free(tp_bid *b)
{
    if (!b)
        return;
    for (struct tp_bid_arena *a = b->arena, *next; a; a = next) {
        next = a->next;
        free(a);
    }
    for (size_t i = 0; i < b->n_lots; i++) {
        free(b->lots[i].values);
        free(b->lots[i].lines);
        free(b->lots[i].options);
    }
    free(b->lots);
    for (size_t i = 0; i < b->n_problems; i++)
        free(b->problems[i].msg);
    free(b->problems);
    free(b);
}

static void add_problem(tp_bid *b, int line, bool xml, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add_problem(tp_bid *b, int line, bool xml, const char *fmt, ...)
{
    if (b->n_problems >= MAX_PROBLEMS_PER_BID)
        return; /* the first ones say enough; the bid is excluded anyway */
    tp_buf m;
    tp_buf_init(&m);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&m, fmt, ap);
    va_end(ap);
    if (b->n_problems == MAX_PROBLEMS_PER_BID - 1) {
        tp_buf_clear(&m);
        tp_buf_puts(&m, "trop d'erreurs de forme : les suivantes ne sont pas listées");
    }
    tp_grow((void **)&b->problems, &b->cap_problems, b->n_problems, sizeof *b->problems);
    tp_bid_problem *p = &b->problems[b->n_problems++];
    p->line = line;
    p->xml = xml;
    p->msg = tp_buf_detach(&m);
}

/* ------------------------------------------------------------------ reader state */

static int cur_line(reader *r)
{
    return xmlSAX2GetLineNumber(r->ctxt); /* libxml2's events only */
}

static tp_bid *new_bid(reader *r, int line)
{
    tp_bid *b = xcalloc(1, sizeof *b);
    b->source = r->source ? arena_strndup(b, r->source, r->source_len) : NULL;
    b->index = ++r->count;
    r->empty = arena_strndup(b, "", 0);
    b->line = line;
    return b;
}

static void emit(reader *r)
{
    tp_bid *b = r->bid;
    r->bid = NULL;
    if (!b)
        return;
    if (r->rc != TP_OK) {
        tp_bid_free(b);
        return;
    }
    r->rc = r->fn(r->ud, b);
    if (r->rc != TP_OK && r->ctxt)
        xmlStopParser(r->ctxt);
}

/* A form problem: on the bid being read, else on the stream (diagnostic). */
static void problem(reader *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(reader *r, int line, const char *fmt, ...)
{
    tp_buf m;
    tp_buf_init(&m);
    va_list ap;
    va_start(ap, fmt);
    tp_buf_vprintf(&m, fmt, ap);
    va_end(ap);
    if (r->bid) {
        add_problem(r->bid, line, false, "%s", tp_buf_cstr(&m));
    } else {
        tp_diag_error(r->d, r->source, line, "bids", "a <bids> stream holds only <bid> elements",
                      "%s", tp_buf_cstr(&m));
        r->stream_problem = true;
    }
    tp_buf_dispose(&m);
}


static tp_bid_lot *cur_lot(reader *r)
{
    return r->bid && r->bid->n_lots ? &r->bid->lots[r->bid->n_lots - 1] : NULL;
}

/* A repeated element or attribute simply replaces the value (the old copy
 * stays in the arena until the bid is freed). */
static void set_str(tp_bid *b, char **dst, const char *v, size_t n)
{
    *dst = arena_strndup(b, v, n);
}

/* Spreads refs over the slots: their length, first and last 8 bytes. */
static uint32_t ref_hash(const char *s, size_t n)
{
    uint64_t x = n;
    if (n >= 8) {
        uint64_t head, tail;
        memcpy(&head, s, 8);
        memcpy(&tail, s + n - 8, 8);
        x ^= head ^ (tail * 0x9E3779B97F4A7C15u);
    } else {
        for (size_t i = 0; i < n; i++)
            x = x << 8 | (unsigned char)s[i];
    }
    x *= 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}

/* How many values before the last one of lot have the ref v (hashed: h). */
static size_t earlier_refs(reader *r, const tp_bid_lot *lot, const char *v, uint32_t h)
{
    size_t n = 0, last = lot->n_values - 1;
    if (last > REF_SLOTS / 2) {
        for (size_t i = 0; i < last; i++)
            n += lot->values[i].ref && !strcmp(lot->values[i].ref, v);
        return n;
    }
    for (uint32_t k = h;; k++) {
        const struct ref_slot *slot = &r->ref_slots[k % REF_SLOTS];
        if (slot->gen != r->ref_gen)
            return n;
        n += slot->hash == h && !strcmp(lot->values[slot->value].ref, v);
    }
}

static void remember_ref(reader *r, const tp_bid_lot *lot, uint32_t h)
{
    size_t last = lot->n_values - 1;
    if (last >= REF_SLOTS / 2)
        return;
    for (uint32_t k = h;; k++) {
        struct ref_slot *slot = &r->ref_slots[k % REF_SLOTS];
        if (slot->gen != r->ref_gen) {
            slot->gen = r->ref_gen;
            slot->value = (uint32_t)last;
            slot->hash = h;
            return;
        }
    }
}

/* Stores a valid attribute value (v[0, n), of the attribute's type) into the model. */
static void store_attr(reader *r, elem_id e, attr_id a, const char *v, size_t n, int line)
{
    tp_bid *b = r->bid;
    if (!b)
        return;
    tp_bid_lot *lot = b->n_lots ? &b->lots[b->n_lots - 1] : NULL; /* set for a lot's elements */
    switch (e) {
    case E_BID:
        if (a == A_TENDER_REFERENCE) {
            set_str(b, &b->tender_reference, v, n);
        } else if (a == A_RECEIVED_AT) {
            set_str(b, &b->received_text, v, n);
            b->has_received =
                tp_datetime_parse(&b->received_utc, &b->received_micro, b->received_text);
        }
        break;
    case E_SUPPLIER: set_str(b, &b->vat, v, n); break;
    case E_ADDRESS: set_str(b, &b->country, v, n); break;
    case E_LOT: {
        int num = (int)tp_bid_form_digits(v, n);
        for (size_t i = 0; i + 1 < b->n_lots; i++)
            if (b->lots[i].number == num)
                add_problem(b, line, false, "le lot %d apparaît deux fois dans l'offre", num);
        lot->number = num;
        break;
    }
    case E_VALUE: {
        tp_bid_value *val = &lot->values[lot->n_values - 1];
        if (a == A_REF) {
            set_str(b, &val->ref, v, n);
            uint32_t h = ref_hash(v, n);
            for (size_t k = earlier_refs(r, lot, val->ref, h); k > 0; k--)
                add_problem(b, line, false, "la valeur « %s » est donnée deux fois dans le lot %d",
                            val->ref, lot->number);
            remember_ref(r, lot, h);
        } else {
            set_str(b, &val->unit, v, n);
        }
        break;
    }
    case E_LINE: {
        tp_bid_line *ln = &lot->lines[lot->n_lines - 1];
        if (a == A_REF)
            set_str(b, &ln->ref, v, n);
        else if (a == A_QUANTITY)
            ln->quantity = tp_bid_form_digits(v, n);
        else if (a == A_UNIT_PRICE)
            ln->unit_price = tp_bid_form_money(v, n);
        else
            ln->total = tp_bid_form_money(v, n);
        break;
    }
    case E_OPTION: {
        tp_bid_option *o = &lot->options[lot->n_options - 1];
        if (a == A_KIND) {
            char code[32]; /* of the type: shorter */
            memcpy(code, v, n);
            code[n] = '\0';
            o->kind = tp_option_from_code(code);
        } else if (a == A_YEARS) {
            o->years = tp_bid_form_digits(v, n);
        } else if (a == A_QUANTITY) {
            o->quantity = tp_bid_form_digits(v, n);
        } else if (a == A_UNIT_PRICE) {
            o->unit_price = tp_bid_form_money(v, n);
        } else {
            o->total = tp_bid_form_money(v, n);
        }
        break;
    }
    case E_TOTALS:
        lot->has_totals = true;
        if (a == A_HTVA)
            lot->htva = tp_bid_form_money(v, n);
        else if (a == A_TVA)
            lot->tva = tp_bid_form_money(v, n);
        else
            lot->tvac = tp_bid_form_money(v, n);
        break;
    case E_WARRANTY:
        lot->warranty_years = tp_bid_form_digits(v, n);
        lot->has_warranty = true;
        break;
    case E_DELIVERY:
        lot->delivery_days = tp_bid_form_digits(v, n);
        lot->has_delivery = true;
        break;
    default: break;
    }
}

static bool xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Stores the (valid) text of a leaf element. */
static void store_text(reader *r, elem_id e, const char *s, size_t n)
{
    tp_bid *b = r->bid;
    if (!b)
        return;
    while (n > 0 && xml_space(*s))
        s++, n--;
    while (n > 0 && xml_space(s[n - 1]))
        n--;
    char **dst = NULL;
    tp_bid_lot *lot = cur_lot(r);
    switch (e) {
    case E_SUP_NAME: dst = &b->name; break;
    case E_STREET: dst = &b->street; break;
    case E_NUMBER: dst = &b->number; break;
    case E_POSTAL: dst = &b->postal_code; break;
    case E_LOCALITY: dst = &b->locality; break;
    case E_CON_NAME: dst = &b->contact_name; break;
    case E_CON_EMAIL: dst = &b->contact_email; break;
    case E_CON_PHONE: dst = &b->contact_phone; break;
    case E_SIG_NAME: dst = &b->signatory_name; break;
    case E_SIG_ROLE: dst = &b->signatory_role; break;
    case E_BRAND: dst = lot ? &lot->brand : NULL; break;
    case E_MODEL: dst = lot ? &lot->model : NULL; break;
    case E_VALUE: dst = lot && lot->n_values ? &lot->values[lot->n_values - 1].text : NULL; break;
    default: break;
    }
    if (dst)
        *dst = arena_strndup(b, s, n);
}

/* tp_grow when full (it zeroes the new room), inline otherwise. */
#define GROW(v, cap, n) \
    ((n) >= (cap) ? tp_grow((void **)&(v), &(cap), (n), sizeof *(v)) : (void)0)

/* Opens the model object an element stands for. */
static void open_object(reader *r, elem_id e, int line)
{
    tp_bid *b = r->bid;
    if (!b)
        return;
    tp_bid_lot *lot = b->n_lots ? &b->lots[b->n_lots - 1] : NULL; /* set for a lot's elements */
    switch (e) {
    case E_LOT:
        GROW(b->lots, b->cap_lots, b->n_lots);
        b->lots[b->n_lots++].line = line;
        r->ref_gen++;
        break;
    case E_SIGNATORY: b->has_signatory = true; break;
    case E_VALUE:
        if (lot->n_values == lot->cap_values) /* room for 32 at once: the usual 20-odd */
            tp_grow((void **)&lot->values, &lot->cap_values,
                    lot->n_values ? lot->n_values : 31, sizeof *lot->values);
        lot->values[lot->n_values].line = line;
        lot->values[lot->n_values++].text = r->empty;
        break;
    case E_LINE:
        GROW(lot->lines, lot->cap_lines, lot->n_lines);
        lot->lines[lot->n_lines++].line = line;
        break;
    case E_OPTION:
        GROW(lot->options, lot->cap_options, lot->n_options);
        lot->options[lot->n_options].kind = -1;
        lot->options[lot->n_options++].line = line;
        break;
    default: break;
    }
}

static void check_attrs(reader *r, const elem_spec *spec, const tp_scan_attr *attrs, size_t n,
                        int line)
{
    unsigned seen = 0;
    size_t next = 0; /* attributes usually come in the schema's order: try that one first */
    for (size_t i = 0; i < n; i++) {
        const tp_scan_attr *a = &attrs[i];
        const attr_spec *as = NULL;
        size_t k = next;
        if (a->ns) /* attributes of this vocabulary have no namespace */
            k = 0;
        else if (spec->attrs[k].name &&
                 tp_scan_same_name(spec->attrs[k].name, spec->attrs[k].name_len, a->name,
                                   a->name_len))
            as = &spec->attrs[k];
        else
            for (k = 0; spec->attrs[k].name; k++)
                if (tp_scan_same_name(spec->attrs[k].name, spec->attrs[k].name_len, a->name,
                                      a->name_len)) {
                    as = &spec->attrs[k];
                    break;
                }
        next = as ? k + 1 : next;
        if (!as) {
            problem(r, line, "attribut « %.*s » inattendu sur <%s>", (int)a->name_len, a->name,
                    spec->name);
            continue;
        }
        seen |= 1u << k;
        const char *why = tp_bid_type_check(as->type, a->value, a->value_len);
        if (why)
            problem(r, line, "<%s %s=\"%.*s\"> : %s", spec->name, as->name, (int)a->value_len,
                    a->value, why);
        else
            store_attr(r, spec->id, as->id, a->value, a->value_len, line);
    }
    if ((seen & spec->required) == spec->required)
        return;
    for (size_t k = 0; spec->attrs[k].name; k++)
        if (spec->attrs[k].required && !(seen & (1u << k)))
            problem(r, line, "attribut obligatoire « %s » manquant sur <%s>", spec->attrs[k].name,
                    spec->name);
}

/* What may come at the frame's position, for messages: "<a> ou <b>". */
static void expected_names(tp_buf *b, const frame *f)
{
    const elem_spec *s = f->spec;
    int count = f->count;
    bool first = true;
    for (size_t i = f->seq; i < s->n_children; i++, count = 0) {
        if (count >= s->children[i].max)
            continue;
        tp_buf_printf(b, "%s<%s>", first ? "" : " ou ", s->children[i].e->name);
        first = false;
        if (count < s->children[i].min)
            return;
    }
    if (first)
        tp_buf_puts(b, "rien de plus");
}

/* Matches a child against the parent's sequence; NULL when not allowed.
 * A child found further on is accepted, and the required elements skipped
 * over are reported missing: one forgotten element gives one message. */
static const elem_spec *match_child(reader *r, frame *f, const char *name, size_t len, int line)
{
    const elem_spec *s = f->spec;
    int count = f->count;
    for (size_t seq = f->seq; seq < s->n_children; seq++, count = 0) {
        const child_spec *c = &s->children[seq];
        if (!tp_scan_same_name(c->e->name, c->e->name_len, name, len) || count >= c->max)
            continue;
        for (size_t k = f->seq; k < seq; k++) {
            int had = k == f->seq ? f->count : 0;
            if (had < s->children[k].min)
                problem(r, line, "élément <%s> manquant dans <%s> avant <%.*s>",
                        s->children[k].e->name, s->name, (int)len, name);
        }
        f->seq = seq;
        f->count = count + 1;
        return c->e;
    }
    tp_buf exp;
    tp_buf_init(&exp);
    expected_names(&exp, f);
    problem(r, line, "élément <%.*s> inattendu dans <%s> (attendu : %s)", (int)len, name, s->name,
            tp_buf_cstr(&exp));
    tp_buf_dispose(&exp);
    return NULL;
}

/* Events that do not reach the form: after an XML error, the root again
 * when libxml2 resumes, inside a skipped element. */
static bool start_ignored(reader *r)
{
    if (r->xml_error)
        return true; /* see bidr_on_error */
    if (r->resuming) { /* the scanner delivered this root already */
        r->resuming = false;
        return true;
    }
    if (r->skip) {
        r->skip++;
        return true;
    }
    return false;
}

static void start_element(reader *r, const char *name, size_t len, bool in_ns, const char *uri,
                          const tp_scan_attr *attrs, size_t n_attrs, int line)
{
    const elem_spec *spec = NULL;
    if (r->depth == 0) {
        if (in_ns && tp_scan_same_name(name, len, "bids", 4)) {
            r->root = ROOT_BIDS;
            spec = &tp_bid_form_bids;
        } else if (in_ns && tp_scan_same_name(name, len, "bid", 3)) {
            r->root = ROOT_BID;
            spec = &tp_bid_form_bid;
            r->bid = new_bid(r, line);
        } else {
            r->root = ROOT_OTHER;
            r->bid = new_bid(r, line);
            add_problem(r->bid, line, false,
                        "le document n'est pas une offre : l'élément racine est <%.*s> (espace de "
                        "noms « %s »), attendu <bid> ou <bids> de l'espace de noms " TP_BID_NS,
                        (int)len, name, uri ? uri : "");
            r->skip = 1;
            return;
        }
    } else {
        frame *parent = &r->frames[r->depth - 1];
        if (!in_ns) {
            problem(r, line, "élément <%.*s> hors de l'espace de noms " TP_BID_NS " dans <%s>",
                    (int)len, name, parent->spec->name);
            r->skip = 1;
            return;
        }
        spec = match_child(r, parent, name, len, line);
        if (!spec || r->depth >= MAX_FRAMES) {
            r->skip = 1;
            return;
        }
        if (spec->id == E_BID)
            r->bid = new_bid(r, line);
    }
    frame *f = &r->frames[r->depth++];
    f->spec = spec;
    f->seq = 0;
    f->count = 0;
    f->text_reported = false;
    if (r->text.len)
        tp_buf_clear(&r->text);
    open_object(r, spec->id, line);
    check_attrs(r, spec, attrs, n_attrs, line);
}

void bidr_on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                   int nb_ns, const xmlChar **ns, int nb_attrs, int nb_defaulted,
                   const xmlChar **attrs)
{
    reader *r = ctx;
    int line = cur_line(r);
    if (start_ignored(r))
        return;
    /* libxml2 interns names and URIs: after the first match, a pointer compare. */
    bool in_ns = uri && (uri == r->ns || !strcmp((const char *)uri, TP_BID_NS));
    if (in_ns)
        r->ns = uri;
    /* libxml2's SAX2 layout: localname, prefix, URI, value, end of value. */
    tp_scan_attr local[TP_SCAN_MAX_ATTRS] = {{0}}; /* zeroed: gcc 12 warns otherwise */
    size_t n = nb_attrs > 0 ? (size_t)nb_attrs : 0;
    tp_scan_attr *a = n <= TP_SCAN_MAX_ATTRS ? local : xmalloc(n * sizeof *a);
    for (size_t i = 0; i < n; i++) {
        const xmlChar **x = attrs + 5 * i;
        a[i].name = (const char *)x[0];
        a[i].name_len = strlen((const char *)x[0]);
        a[i].value = (const char *)x[3];
        a[i].value_len = (size_t)(x[4] - x[3]);
        a[i].ns = x[2] != NULL;
    }
    const char *name = (const char *)localname;
    start_element(r, name, strlen(name), in_ns, (const char *)uri, a, n, line);
    if (a != local)
        free(a);
}

tp_scan_verdict bidr_start(void *ud, const char *name, size_t name_len, const tp_scan_attr *attrs,
                           size_t n_attrs, int line)
{
    reader *r = ud;
    if (r->pending) { /* not left for this event to overwrite (the scanner never does) */
        tp_buf_put(&r->text, r->pending, r->pending_len);
        r->pending = NULL;
    }
    if (!start_ignored(r))
        start_element(r, name, name_len, true, TP_BID_NS, attrs, n_attrs, line);
    return TP_SCAN_GO;
}

tp_scan_verdict bidr_text(void *ud, const char *s, size_t n, bool end_follows)
{
    reader *r = ud;
    if (r->skip || r->depth == 0)
        return TP_SCAN_GO;
    if (r->frames[r->depth - 1].spec->text == T_NONE) {
        for (size_t i = 0; i < n; i++)
            if (!xml_space(s[i]))
                return TP_SCAN_FALLBACK; /* its message needs libxml2's line */
        return TP_SCAN_GO;
    }
    if (r->text.len + n >= 4096)
        return TP_SCAN_FALLBACK; /* libxml2's chunks decide where such a text is cut */
    if (end_follows && r->text.len == 0 && !r->pending) { /* the usual leaf: no copy */
        r->pending = s;
        r->pending_len = n;
        return TP_SCAN_GO;
    }
    if (r->pending) {
        tp_buf_put(&r->text, r->pending, r->pending_len);
        r->pending = NULL;
    }
    tp_buf_put(&r->text, s, n);
    return TP_SCAN_GO;
}

static void missing_children(reader *r, const frame *f, int line)
{
    const elem_spec *s = f->spec;
    for (size_t i = f->seq; i < s->n_children; i++) {
        int count = i == f->seq ? f->count : 0;
        if (count < s->children[i].min)
            problem(r, line, "élément <%s> manquant dans <%s>", s->children[i].e->name, s->name);
    }
}

static void end_element(reader *r, int line)
{
    const char *text = r->pending;
    size_t text_len = r->pending_len;
    r->pending = NULL;
    if (r->xml_error)
        return;
    if (r->skip) {
        r->skip--;
        if (r->skip == 0 && r->root == ROOT_OTHER && r->depth == 0)
            emit(r);
        return;
    }
    if (r->depth == 0)
        return;
    frame *f = &r->frames[r->depth - 1];
    if (f->spec->text != T_NONE) {
        if (!text) {
            text = r->text.len ? r->text.data : "";
            text_len = r->text.len;
        }
        const char *why = tp_bid_type_check(f->spec->text, text, text_len);
        if (why)
            problem(r, line, "<%s> : %s", f->spec->name, why);
        else
            store_text(r, f->spec->id, text, text_len);
    }
    missing_children(r, f, line);
    r->depth--;
    if (f->spec->id == E_BID)
        emit(r);
}

tp_scan_verdict bidr_end(void *ud, int line)
{
    reader *r = ud;
    end_element(r, line);
    return r->rc == TP_OK ? TP_SCAN_GO : TP_SCAN_STOP;
}

void bidr_on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    reader *r = ctx;
    end_element(r, cur_line(r));
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    reader *r = ctx;
    if (r->skip || r->depth == 0 || r->xml_error)
        return;
    frame *f = &r->frames[r->depth - 1];
    if (f->spec->text != T_NONE) {
        if (r->text.len < 4096) /* longer than any valid text: the type check fails anyway */
            tp_buf_put(&r->text, ch, (size_t)len);
        return;
    }
    for (int i = 0; i < len; i++)
        if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r') {
            if (!f->text_reported)
                problem(r, cur_line(r), "texte inattendu dans <%s>", f->spec->name);
            f->text_reported = true;
            return;
        }
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    reader *r = ctx;
    if (!r->xml_error) {
        r->xml_error = true;
        r->xml_error_line = cur_line(r);
        r->xml_error_msg = xstrdup("déclaration <!DOCTYPE> refusée (elle permet l'expansion "
                                   "d'entités et les entités externes)");
    }
    xmlStopParser(r->ctxt);
}

/* After the first error, non-fatal ones included (a bad namespace URI),
 * the handlers ignore every event: what libxml2 still reads after it would
 * otherwise depend on where the input was cut into chunks. (Stopping the
 * parser from here is unsafe: the error may come from inside an encoding
 * switch.) */
void bidr_on_error(void *ctx, xmlErrorPtr err)
{
    reader *r = ctx;
    if (!err || err->level < XML_ERR_ERROR || r->xml_error)
        return;
    r->xml_error = true;
    r->xml_error_line = err->line;
    tp_buf m;
    tp_buf_init(&m);
    tp_buf_puts(&m, "XML mal formé : ");
    for (const char *p = err->message ? err->message : "erreur"; *p; p++)
        if (*p != '\n' && *p != '\r')
            tp_buf_putc(&m, *p);
    r->xml_error_msg = tp_buf_detach(&m);
}

void bidr_init(reader *r, xmlSAXHandler *h, const char *name, tp_bid_fn fn, void *ud,
                        tp_diags *d)
{
    memset(r, 0, sizeof *r);
    r->ref_gen = 1; /* the zeroed slots are of generation 0: free */
    r->source = name;
    r->source_len = name ? strlen(name) : 0;
    r->fn = fn;
    r->ud = ud;
    r->d = d;
    tp_buf_init(&r->text);
    memset(h, 0, sizeof *h);
    h->initialized = XML_SAX2_MAGIC;
    h->startElementNs = bidr_on_start;
    h->endElementNs = bidr_on_end;
    h->characters = on_chars;
    h->internalSubset = on_doctype;
    h->serror = bidr_on_error;
}

/* After the last chunk: a broken document still yields its bid. */
tp_err bidr_finish(reader *r)
{
    if (r->xml_error) {
        if (!r->bid && r->root != ROOT_BIDS)
            r->bid = new_bid(r, r->xml_error_line);
        if (r->bid) {
            add_problem(r->bid, r->xml_error_line, true, "%s", r->xml_error_msg);
            emit(r);
        }
        if (r->root == ROOT_BIDS && r->rc == TP_OK) {
            tp_diag_error(r->d, r->source, r->xml_error_line, "bids",
                          "repair the stream, or send each bid as its own file",
                          "the <bids> stream is not well-formed: bids after line %d cannot be "
                          "read (%s)",
                          r->xml_error_line, r->xml_error_msg);
            r->rc = TP_EPARSE;
        }
    } else if (r->bid) {
        emit(r); /* unreachable with a well-formed document; kept for safety */
    }
    if (r->rc == TP_OK && r->stream_problem)
        r->rc = TP_EINVALID;
    tp_bid_free(r->bid);
    r->bid = NULL;
    free(r->xml_error_msg);
    tp_buf_dispose(&r->text);
    return r->rc;
}

