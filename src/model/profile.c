#include "profile.h"

#include <stdlib.h>
#include <string.h>

static void str_dispose(tp_str *s)
{
    free(s->s);
    s->s = NULL;
}

static void address_dispose(tp_address *a)
{
    str_dispose(&a->street);
    str_dispose(&a->number);
    str_dispose(&a->postal_code);
    str_dispose(&a->locality);
    str_dispose(&a->nuts);
}

static void po_dispose(tp_po *po)
{
    str_dispose(&po->name);
    str_dispose(&po->bce);
    str_dispose(&po->fase);
    str_dispose(&po->legal_form);
    str_dispose(&po->federation);
    address_dispose(&po->address);
    str_dispose(&po->contact.name);
    str_dispose(&po->contact.email);
    str_dispose(&po->contact.phone);
    str_dispose(&po->signatory.name);
    str_dispose(&po->signatory.role);
}

static void school_dispose(tp_school *s)
{
    str_dispose(&s->fase);
    str_dispose(&s->name);
    str_dispose(&s->bce);
    for (size_t i = 0; i < s->n_implantations; i++) {
        str_dispose(&s->implantations[i].fase);
        str_dispose(&s->implantations[i].name);
        address_dispose(&s->implantations[i].address);
    }
    free(s->implantations);
}

static void lot_dispose(tp_lot_wish *l)
{
    str_dispose(&l->title);
    free(l->options);
    for (size_t i = 0; i < l->n_overrides; i++) {
        str_dispose(&l->overrides[i].ref);
        str_dispose(&l->overrides[i].value);
    }
    free(l->overrides);
    for (size_t i = 0; i < l->n_allocations; i++)
        str_dispose(&l->allocations[i].school);
    free(l->allocations);
}

void tp_profile_free(tp_profile *p)
{
    if (!p)
        return;
    free(p->source);
    str_dispose(&p->reference);
    str_dispose(&p->language);
    po_dispose(&p->po);
    for (size_t i = 0; i < p->n_schools; i++)
        school_dispose(&p->schools[i]);
    free(p->schools);
    for (size_t i = 0; i < p->n_lots; i++)
        lot_dispose(&p->lots[i]);
    free(p->lots);
    for (size_t i = 0; i < p->n_weights; i++)
        str_dispose(&p->weights[i].criterion);
    free(p->weights);
    free(p);
}

/* Code tables: index = enum value. The codes are the XML spellings of
 * schemas/school-profile.xsd; keep both in the same order. */
static const char *const network_codes[TP_NET_COUNT] = {
    [TP_NET_WBE] = "wbe",
    [TP_NET_OFFICIEL_COMMUNAL] = "officiel-communal",
    [TP_NET_OFFICIEL_PROVINCIAL] = "officiel-provincial",
    [TP_NET_OFFICIEL_COCOF] = "officiel-cocof",
    [TP_NET_LIBRE_CONFESSIONNEL] = "libre-confessionnel",
    [TP_NET_LIBRE_NON_CONFESSIONNEL] = "libre-non-confessionnel",
};

static const char *const network_labels[TP_NET_COUNT] = {
    [TP_NET_WBE] = "WBE (Wallonie-Bruxelles Enseignement)",
    [TP_NET_OFFICIEL_COMMUNAL] = "Officiel subventionné (communal)",
    [TP_NET_OFFICIEL_PROVINCIAL] = "Officiel subventionné (provincial)",
    [TP_NET_OFFICIEL_COCOF] = "Officiel subventionné (COCOF)",
    [TP_NET_LIBRE_CONFESSIONNEL] = "Libre subventionné confessionnel",
    [TP_NET_LIBRE_NON_CONFESSIONNEL] = "Libre subventionné non confessionnel",
};

static const char *const school_type_codes[TP_SCHOOL_TYPE_COUNT] = {
    [TP_SCHOOL_ORDINAIRE] = "secondaire-ordinaire",
    [TP_SCHOOL_SPECIALISE] = "secondaire-specialise",
    [TP_SCHOOL_CEFA] = "secondaire-cefa",
};

static const char *const school_type_labels[TP_SCHOOL_TYPE_COUNT] = {
    [TP_SCHOOL_ORDINAIRE] = "Secondaire ordinaire",
    [TP_SCHOOL_SPECIALISE] = "Secondaire spécialisé",
    [TP_SCHOOL_CEFA] = "Secondaire en alternance (CEFA)",
};

static const char *const device_codes[TP_DEV_COUNT] = {
    [TP_DEV_LAPTOP] = "laptop",
    [TP_DEV_CHROMEBOOK] = "chromebook",
    [TP_DEV_TABLET] = "tablet",
    [TP_DEV_ACCESSORIES] = "accessories",
};

static const char *const procedure_codes[TP_PROC_COUNT] = {
    [TP_PROC_AUTO] = "auto",   [TP_PROC_FAIBLE_MONTANT] = "faible-montant",
    [TP_PROC_PNSPP] = "pnspp", [TP_PROC_PNDAPP] = "pndapp",
    [TP_PROC_OPEN] = "open",
};

static const char *const option_codes[TP_OPT_COUNT] = {
    [TP_OPT_EXTENDED_WARRANTY] = "extended-warranty",
    [TP_OPT_ACCIDENTAL_DAMAGE] = "accidental-damage",
    [TP_OPT_CHARGING_CART] = "charging-cart",
    [TP_OPT_PROTECTIVE_SLEEVE] = "protective-sleeve",
};

static const char *lookup(const char *const *table, int count, int v)
{
    return v >= 0 && v < count ? table[v] : NULL;
}

static int reverse(const char *const *table, int count, const char *s)
{
    if (!s)
        return -1;
    for (int i = 0; i < count; i++)
        if (strcmp(table[i], s) == 0)
            return i;
    return -1;
}

const char *tp_network_code(tp_network n)
{
    return lookup(network_codes, TP_NET_COUNT, (int)n);
}

const char *tp_network_label_fr(tp_network n)
{
    return lookup(network_labels, TP_NET_COUNT, (int)n);
}

int tp_network_from_code(const char *s)
{
    return reverse(network_codes, TP_NET_COUNT, s);
}

const char *tp_school_type_code(tp_school_type t)
{
    return lookup(school_type_codes, TP_SCHOOL_TYPE_COUNT, (int)t);
}

const char *tp_school_type_label_fr(tp_school_type t)
{
    return lookup(school_type_labels, TP_SCHOOL_TYPE_COUNT, (int)t);
}

int tp_school_type_from_code(const char *s)
{
    return reverse(school_type_codes, TP_SCHOOL_TYPE_COUNT, s);
}

const char *tp_device_code(tp_device d)
{
    return lookup(device_codes, TP_DEV_COUNT, (int)d);
}

int tp_device_from_code(const char *s)
{
    return reverse(device_codes, TP_DEV_COUNT, s);
}

const char *tp_procedure_code(tp_procedure p)
{
    return lookup(procedure_codes, TP_PROC_COUNT, (int)p);
}

int tp_procedure_from_code(const char *s)
{
    return reverse(procedure_codes, TP_PROC_COUNT, s);
}

const char *tp_option_code(tp_option_kind k)
{
    return lookup(option_codes, TP_OPT_COUNT, (int)k);
}

int tp_option_from_code(const char *s)
{
    return reverse(option_codes, TP_OPT_COUNT, s);
}
