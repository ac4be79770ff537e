/* The requirements catalogue, read from templates/requirements.xml (schema:
 * schemas/catalogue.xsd): per device type the defaults a lot starts from, and
 * the default award criteria. Also the one place that knows what "tightening"
 * a requirement means. */
#ifndef TP_CATALOGUE_H
#define TP_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/err.h"
#include "../core/money.h"
#include "../model/profile.h"
#include "../model/tender.h"

/* What an option's unit estimate is the price of. */
typedef enum tp_option_basis {
    TP_BASIS_DEVICE_EXTRA_YEAR, /* per device and per year beyond the base warranty */
    TP_BASIS_DEVICE_YEAR,       /* per device and per year of cover */
    TP_BASIS_DEVICE,            /* per device */
    TP_BASIS_ITEM,              /* per item; default quantity ceil(devices / devices_per_item) */
    TP_BASIS_COUNT
} tp_option_basis;

typedef struct tp_option_def {
    tp_option_kind kind;
    tp_option_basis basis;
    tp_cents unit_estimate; /* HTVA, per `basis` */
    int devices_per_item;   /* TP_BASIS_ITEM only, else 0 */
    char *label;            /* French, with {years} {extra} {base} {devices} placeholders */
} tp_option_def;

typedef struct tp_device_entry {
    tp_device device;
    char *title;            /* default French lot title */
    char *cpv_main;
    char **cpv_extra;
    size_t n_cpv_extra;
    tp_cents unit_estimate; /* HTVA */
    tp_option_def *options;
    size_t n_options;
    tp_requirement *reqs;   /* mandatory, pass/fail; tightened is always false here */
    size_t n_reqs;
    tp_scored *scored;
    size_t n_scored;
} tp_device_entry;

/* A default award criterion; warranty-style criteria take their floor from the lots. */
typedef struct tp_award_default {
    tp_criterion c;          /* formula_text still holds {weight} {floor} {target} */
    int above_base_warranty; /* > 0: floor = highest base warranty, target = floor + this */
} tp_award_default;

typedef struct tp_catalogue {
    char *edition;    /* e.g. "2026" */
    char *origin;     /* where it came from, for messages */
    tp_device_entry *devices;
    size_t n_devices;
    tp_award_default *award; /* in file order; weights sum to 100 */
    size_t n_award;
} tp_catalogue;

/* Id of the requirement that holds a device's base warranty in years (op ge). */
#define TP_WARRANTY_REQ "warranty"

/* Loads and validates templates/requirements.xml (embedded or the --templates copy).
 * Problems are diagnostics naming that file; a broken file gives TP_ETEMPLATE
 * (as for tp_rules_load). */
tp_err tp_catalogue_load(tp_catalogue **out, tp_diags *d);
tp_err tp_catalogue_parse(tp_catalogue **out, const char *data, size_t len,
                          const char *display_name, tp_diags *d);
void tp_catalogue_free(tp_catalogue *c); /* NULL-safe */

/* Lookups; NULL when absent. Returned pointers are borrowed from the catalogue. */
const tp_device_entry *tp_catalogue_device(const tp_catalogue *c, tp_device device);
const tp_requirement *tp_device_requirement(const tp_device_entry *e, const char *id);
const tp_option_def *tp_device_option(const tp_device_entry *e, tp_option_kind kind);
const tp_award_default *tp_catalogue_award(const tp_catalogue *c, const char *id);

/* Deep copies (dst is overwritten; free with the matching _dispose). */
void tp_requirement_copy(tp_requirement *dst, const tp_requirement *src);
void tp_scored_copy(tp_scored *dst, const tp_scored *src);

/* Applies a profile override to req. value uses the catalogue unit: "16" for ge/le,
 * "13.3..14" for range, "wifi6e|wifi7" for oneof, the same text for eq, "yes" for
 * bool. The override must not loosen req. On success req holds the new bound and
 * tightened is set when it is strictly stricter. On failure req is unchanged and
 * *why gets an English explanation naming the catalogue value (caller frees). */
bool tp_requirement_tighten(tp_requirement *req, const char *value, char **why);

/* A requirement's bound as short text for messages: ">= 8 GB", "<= 1.8 kg",
 * "13.3..15.6 in", "one of wifi6|wifi6e|wifi7", "= azerty-be", "yes". Caller frees. */
char *tp_requirement_bound_text(const tp_requirement *req);

#endif
