#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/date.h"
#include "../render/render.h"
#include "../xslt/xslt.h"

tp_err tp_report_doc(tp_doc **out, xmlDocPtr evaluation, const char *date, tp_diags *d)
{
    *out = NULL;
    const char *params[] = {"date", date, NULL};
    xmlDocPtr docxml = NULL;
    tp_err rc = tp_xslt_apply(&docxml, TP_REPORT_TEMPLATE, evaluation, date ? params : NULL, d);
    if (rc == TP_OK)
        rc = tp_doc_from_xml(out, docxml, "templates/" TP_REPORT_TEMPLATE " (result)", d);
    xmlFreeDoc(docxml);
    return rc;
}

tp_err tp_report_render(tp_buf *outs, size_t n, const tp_doc *doc, const char *reference,
                        int64_t epoch, tp_diags *d)
{
    char ident[200];
    snprintf(ident, sizeof ident, "%s/rapport-evaluation", reference ? reference : "");
    tp_render_opts ropts = {epoch, ident};
    tp_err rc = TP_OK;
    for (size_t i = 0; rc == TP_OK && i < tp_renderer_count && i < n; i++)
        rc = tp_renderers[i].render(&outs[i], doc, &ropts, d);
    return rc;
}

bool tp_report_epoch(int64_t *epoch, char date[11], const char *sep, const char *deadline)
{
    tp_date day = {0};
    if (sep && *sep) {
        char *end = NULL;
        errno = 0;
        long long v = strtoll(sep, &end, 10);
        if (errno || *end || v < 0)
            return false;
        *epoch = v;
        day = tp_date_from_days((long)(v / 86400));
    } else {
        char ymd[11] = "";
        if (deadline && strlen(deadline) >= 10)
            memcpy(ymd, deadline, 10);
        if (!tp_date_parse(&day, ymd))
            day = tp_date_from_days(0);
        *epoch = (int64_t)tp_date_to_days(day) * 86400;
    }
    tp_date_format(date, day);
    return true;
}
