/* The fast paths of the bid evaluation against the general ones they stand
 * for: the writer's escaping against tp_xmlw_textn, prepared requirements,
 * scored criteria and linear scales against the unprepared checks, the
 * 64-bit formatting and rounding against 128-bit references. Random inputs
 * from a fixed seed, so every run checks the same cases. */
#include "tp_test.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "core/io.h"
#include "core/xmlw.h"
#include "engine/engine.h"
#include "eval/check.h"
#include "eval/eval_xml.h"
#include "eval/score.h"
#include "eval/units.h"

__extension__ typedef __int128 i128;

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t below(uint64_t n)
{
    return next() % n;
}

/* ------------------------------------------------------------------ escaping */

static void check_escape(const char *s, size_t n)
{
    tp_buf want, got;
    tp_buf_init(&want);
    tp_buf_init(&got);
    tp_buf_puts(&got, "x"); /* appends after what is there */
    tp_buf_puts(&want, "x");
    tp_xmlw_textn(&want, s, n);
    tp_eval_xml_escape(&got, s, n);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    tp_buf_dispose(&want);
    tp_buf_dispose(&got);
}

static void test_eval_fast__escape_as_xmlw(void **state)
{
    static const char *const fixed[] = {
        "", "Fournisseur 12", "Modèle 135", "a&b<c>d\"e'f", "tab\there\nline\rcr",
        "\x01\x1f\x7f",
        /* ≈, U+FFFD, U+FFFE, U+FFFF */
        "\xe2\x89\x88 \xef\xbf\xbd \xef\xbf\xbe \xef\xbf\xbf",
        /* overlong, surrogate, above U+10FFFF, an emoji */
        "\xc0\xaf \xe0\x80\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xf0\x9f\x98\x80",
        "cut \xe2\x89", "\xc3", "\x80\xbf\xfe\xff",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        check_escape(fixed[i], strlen(fixed[i]));
    /* random strings biased towards the interesting bytes */
    static const unsigned char pick[] = {'a', ' ', '&', '<', '>', '"', '\'', '\t', '\n', '\r', 0x01,
                                         0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf4,
                                         0xf5, 0xff, 0x89, 0x88, 0xa9};
    char s[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)below(sizeof s);
        for (size_t i = 0; i < n; i++)
            s[i] = (char)(below(3) ? pick[below(sizeof pick)] : (unsigned char)below(256));
        check_escape(s, n);
    }
    /* longer than the escaper's 256-byte chunks: sequences across their ends */
    char long_s[1200];
    for (int round = 0; round < 3000; round++) {
        size_t n = 200 + (size_t)below(sizeof long_s - 200);
        for (size_t i = 0; i < n; i++)
            long_s[i] = (char)(below(4) ? 'a' + (int)below(26)
                                        : below(2) ? pick[below(sizeof pick)] : (int)below(256));
        check_escape(long_s, n);
    }
    /* the embedded NUL of a counted string is dropped, as a control character */
    check_escape("a\0b", 3);
}

/* ------------------------------------------------------------------ linear scales */

static tp_q rand_q(int64_t max_num, int64_t max_den)
{
    int64_t den = 1 + (int64_t)below((uint64_t)max_den);
    tp_q q = {(int64_t)below((uint64_t)max_num + 1), den};
    /* lowest terms, as tp_q_from_dec and the checks give */
    int64_t a = q.num, b = q.den;
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    if (a > 1) {
        q.num /= a;
        q.den /= a;
    }
    return q;
}

static void test_eval_fast__linear_as_general(void **state)
{
    static const int64_t sizes[][2] = {{20, 4}, {1000, 1000}, {100000, 1000000},
                                       {(int64_t)1 << 23, (int64_t)1 << 23},
                                       {(int64_t)1 << 40, 1000}, {INT64_MAX / 4, INT64_MAX / 4}};
    for (int round = 0; round < 60000; round++) {
        const int64_t *sz = sizes[below(sizeof sizes / sizeof *sizes)];
        tp_q f = rand_q(sz[0], sz[1]), t = rand_q(sz[0], sz[1]), v = rand_q(sz[0], sz[1]);
        if (below(8) == 0)
            t = f; /* a flat scale */
        if (below(4) == 0)
            v = below(2) ? f : t; /* on a bound */
        int max = below(10) == 0 ? (int)below(1000000) : (int)below(21);
        tp_linear l;
        tp_linear_init(&l, f, t, max);
        tp_q want = tp_score_linear_points(v, f, t, max), got = tp_linear_points(&l, v);
        if (got.num != want.num || got.den != want.den)
            fail_msg("v=%lld/%lld f=%lld/%lld t=%lld/%lld max=%d: %lld/%lld, not %lld/%lld",
                     (long long)v.num, (long long)v.den, (long long)f.num, (long long)f.den,
                     (long long)t.num, (long long)t.den, max, (long long)got.num,
                     (long long)got.den, (long long)want.num, (long long)want.den);
    }
}

/* ------------------------------------------------------------------ prepared checks */

static const char *const units[] = {NULL, "", "Go", "GB", "go", " Mo ", "TB", "To", "Mo", "cm",
                                    "mm", "in", "\"", "pouces", "h", "min", "g", "kg", "ans",
                                    "mois", "points", "px", "W", "nits", "furlongs",
                                    "a-very-long-unit-name-beyond-the-memo"};
#define N_UNITS (sizeof units / sizeof *units)

static void random_value(char *buf, size_t size)
{
    switch (below(10)) {
    case 0: snprintf(buf, size, "%s", below(2) ? "" : "n/a"); return;
    case 1: snprintf(buf, size, "%llu", (unsigned long long)below(1000000000)); return;
    case 2: snprintf(buf, size, "999999999,999999"); return;
    case 3:
        snprintf(buf, size, " %u.%0*u ", (unsigned)below(100), 1 + (int)below(6),
                 (unsigned)below(100));
        return;
    default: snprintf(buf, size, "%u,%u", (unsigned)below(5000), (unsigned)below(1000)); return;
    }
}

static void assert_same_findings(const tp_findings *a, const tp_findings *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        assert_string_equal(a->v[i].code, b->v[i].code);
        assert_int_equal(a->v[i].sev, b->v[i].sev);
        assert_int_equal(a->v[i].line, b->v[i].line);
        assert_string_equal(a->v[i].msg, b->v[i].msg);
        assert_true((a->v[i].ref == NULL) == (b->v[i].ref == NULL));
        if (a->v[i].ref)
            assert_string_equal(a->v[i].ref, b->v[i].ref);
    }
}

static void test_eval_fast__requirement_plan_as_general(void **state)
{
    static const tp_req_op ops[] = {TP_OP_GE, TP_OP_LE, TP_OP_RANGE};
    static const char *const tender_units[] = {"GB", "in", "h", "kg", "points", "", NULL};
    for (int round = 0; round < 400; round++) {
        tp_requirement r;
        memset(&r, 0, sizeof r);
        r.id = "x";
        r.label = "Exigence";
        r.op = ops[below(3)];
        r.min.num = (long long)below(2000);
        r.min.scale = (int)below(4);
        r.max.num = r.min.num + (long long)below(20000);
        r.max.scale = r.min.scale;
        r.unit = (char *)tender_units[below(sizeof tender_units / sizeof *tender_units)];
        tp_req_plan plan;
        tp_req_plan_init(&plan, &r);
        /* a run of values in one or two units, as bids give them: the memo is used */
        const char *u1 = units[below(N_UNITS)], *u2 = units[below(N_UNITS)];
        for (int k = 0; k < 50; k++) {
            char text[48];
            random_value(text, sizeof text);
            tp_bid_value v = {"x", (char *)(below(3) ? u1 : u2), text, k + 1};
            tp_findings want = {0}, got = {0};
            const tp_bid_value *pv = below(30) ? &v : NULL;
            tp_req_result rw = tp_check_requirement(&want, &r, pv);
            tp_req_result rg = tp_check_requirement_plan(&got, &plan, pv);
            assert_int_equal(rg, rw);
            assert_same_findings(&got, &want);
            tp_findings_dispose(&want);
            tp_findings_dispose(&got);
        }
    }
}

static void test_eval_fast__requirement_plan_edges(void **state)
{
    /* 999 999 999 TB in MB overflows 64 bits (REQ-UNIT); 1 Mo against 1/1024 GB is equal */
    tp_requirement r;
    memset(&r, 0, sizeof r);
    r.id = "ram";
    r.label = "Mémoire";
    r.op = TP_OP_GE;
    r.min.num = 9765625; /* 0.009765625 GB = 1/102.4 GB */
    r.min.scale = 9;
    r.unit = "MB";
    tp_req_plan plan;
    tp_req_plan_init(&plan, &r);
    const char *cases[][2] = {{"999999999,999999", "TB"}, {"1", "GB"}, {"0,5", "Mo"},
                              {"10", "Mo"}, {"0,000001", "TB"}, {"1", "ports"}, {"1", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tp_bid_value v = {"ram", (char *)cases[i][1], (char *)cases[i][0], 3};
        tp_findings want = {0}, got = {0};
        assert_int_equal(tp_check_requirement_plan(&got, &plan, &v),
                         tp_check_requirement(&want, &r, &v));
        assert_same_findings(&got, &want);
        tp_findings_dispose(&want);
        tp_findings_dispose(&got);
    }
}

static void test_eval_fast__scored_plan_as_general(void **state)
{
    static const char *const tender_units[] = {"GB", "h", "kg", "points", "nits", NULL};
    for (int round = 0; round < 400; round++) {
        tp_scored s;
        memset(&s, 0, sizeof s);
        s.id = "x";
        s.label = "Critère";
        s.kind = below(5) ? TP_SCORE_LINEAR : TP_SCORE_YESNO;
        s.floor.num = (long long)below(3000);
        s.floor.scale = (int)below(3);
        s.target.num = (long long)below(3000);
        s.target.scale = (int)below(3);
        s.unit = (char *)tender_units[below(sizeof tender_units / sizeof *tender_units)];
        s.max_points = (int)below(21);
        tp_scored_plan plan;
        tp_scored_plan_init(&plan, &s);
        const char *u1 = units[below(N_UNITS)], *u2 = units[below(N_UNITS)];
        for (int k = 0; k < 50; k++) {
            char text[48];
            if (s.kind == TP_SCORE_YESNO && below(2))
                snprintf(text, sizeof text, "%s", below(2) ? "Oui" : "no");
            else
                random_value(text, sizeof text);
            tp_bid_value v = {"x", (char *)(below(3) ? u1 : u2), text, k + 1};
            const tp_bid_value *pv = below(30) ? &v : NULL;
            tp_findings want = {0}, got = {0};
            tp_feature fw, fg;
            tp_check_scored(&want, &fw, &s, pv);
            tp_check_scored_plan(&got, &fg, &plan, pv);
            assert_int_equal(fg.answered, fw.answered);
            assert_int_equal(fg.value.num, fw.value.num);
            assert_int_equal(fg.value.den, fw.value.den);
            assert_int_equal(fg.points.num, fw.points.num);
            assert_int_equal(fg.points.den, fw.points.den);
            assert_same_findings(&got, &want);
            tp_findings_dispose(&want);
            tp_findings_dispose(&got);
        }
    }
}

/* ------------------------------------------------------------------ formatting */

/* The 128-bit formulas the 64-bit paths replace. */
static void ref_format(char buf[40], tp_q q)
{
    int64_t den = q.den;
    int twos = 0, fives = 0;
    while (den % 2 == 0) {
        den /= 2;
        twos++;
    }
    while (den % 5 == 0) {
        den /= 5;
        fives++;
    }
    int places = twos > fives ? twos : fives;
    bool exact = den == 1 && places <= 6;
    if (!exact)
        places = 6;
    i128 scale = 1;
    for (int i = 0; i < places; i++)
        scale *= 10;
    i128 scaled = ((i128)q.num * scale * 2 + q.den) / ((i128)q.den * 2);
    unsigned long long ip = (unsigned long long)(scaled / scale);
    unsigned long long frac = (unsigned long long)(scaled % scale);
    while (places > 0 && frac % 10 == 0) {
        frac /= 10;
        places--;
    }
    int n = snprintf(buf, 40, "%s%llu", exact ? "" : "\xe2\x89\x88", ip);
    if (places > 0)
        snprintf(buf + n, (size_t)(40 - n), ".%0*llu", places, frac);
}

static int64_t ref_hundredths(tp_q q)
{
    i128 ip = q.num / q.den, r = q.num % q.den, d = q.den;
    while (d > ((i128)1 << 62)) {
        d >>= 1;
        r >>= 1;
    }
    return (int64_t)(ip * 100 + (r * 100 * 2 / d + 1) / 2);
}

static void test_eval_fast__format_and_round_as_128_bit(void **state)
{
    static const int64_t sizes[] = {10, 1000, 1000000, (int64_t)1 << 40, INT64_MAX / 3, INT64_MAX};
    for (int round = 0; round < 50000; round++) {
        int64_t mn = sizes[below(6)], md = sizes[below(6)];
        tp_q q = {(int64_t)(next() % (uint64_t)mn), 1 + (int64_t)(next() % (uint64_t)(md - 1))};
        if (below(4) == 0)
            q.den = (int64_t)1 << below(8); /* exact decimals */
        char want[40], got[40];
        ref_format(want, q);
        assert_string_equal(tp_q_format(got, q), want);
        assert_int_equal(tp_q_hundredths(q), ref_hundredths(q));
    }
}

/* ------------------------------------------------------------------ merge */

#define BIDS_DIR TP_SOURCE_DIR "/samples/bids/04-wbe-open-ted/"

static const char *const bid_files[] = {
    "01-mosane.xml", "02-brabant-late.xml", "03-ardenne-at-deadline.xml",
    "04-hainaut-ram-webcam.xml", "05-liege-arithmetic.xml", "06-lowcost-abnormal.xml",
    "07-unsigned.xml", "08-quantity.xml", "09-schema-errors.xml", "10-other-tender.xml",
    "11-sambre-tie.xml", "12-mosa-tie.xml", "13-truncated.xml"};
#define N_BID_FILES (sizeof bid_files / sizeof *bid_files)

static tp_err keep_bid(void *ud, tp_bid *bid)
{
    tp_bid **slot = ud;
    if (*slot)
        tp_bid_free(bid);
    else
        *slot = bid;
    return TP_OK;
}

/* Sample bid i as the bid at position index of the input called name. */
static tp_bid *load_bid(size_t i, const char *name, size_t index)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s", BIDS_DIR, bid_files[i]);
    tp_diags d;
    tp_diags_init(&d);
    tp_buf b;
    tp_buf_init(&b);
    assert_int_equal(tp_read_file(&b, path, 1u << 20, &d), TP_OK);
    tp_bid *bid = NULL;
    tp_bid_read_memory(b.data, b.len, name ? name : bid_files[i], keep_bid, &bid, &d);
    assert_non_null(bid);
    bid->index = index;
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
    return bid;
}

/* The tender of samples/04-wbe-open-ted.xml, with what owns it. */
typedef struct sample_tender {
    tp_engine *engine;
    tp_tender *tender;
    tp_profile *profile;
} sample_tender;

static void open_sample_tender(sample_tender *st)
{
    tp_diags d;
    tp_diags_init(&d);
    memset(st, 0, sizeof *st);
    assert_int_equal(tp_engine_open(&st->engine, &d), TP_OK);
    assert_int_equal(tp_engine_tender_from_file(st->engine, &st->tender, &st->profile,
                                                TP_SOURCE_DIR "/samples/04-wbe-open-ted.xml", &d),
                     TP_OK);
    tp_diags_dispose(&d);
}

static void close_sample_tender(sample_tender *st)
{
    tp_tender_free(st->tender);
    tp_profile_free(st->profile);
    tp_engine_free(st->engine);
}

static void write_all(tp_buf *out, tp_evaluation *ev)
{
    assert_int_equal(tp_evaluation_finish(ev), TP_OK);
    tp_sink sink = tp_sink_buf(out);
    assert_int_equal(tp_evaluation_write_xml(ev, &sink), TP_OK);
    assert_int_equal(tp_evaluation_write_text(ev, &sink), TP_OK);
    assert_int_equal(tp_evaluation_write_csv(ev, &sink), TP_OK);
}

static void test_eval_fast__merge_as_sequential(void **state)
{
    sample_tender st;
    open_sample_tender(&st);
    const tp_tender *tender = st.tender;
    /* one stream (the split of a big input: indices restart in the second
     * part) and one file per bid (a new source in each part) */
    for (int stream = 0; stream < 2; stream++) {
        const char *name = stream ? "bids.xml" : NULL;
        tp_buf want;
        tp_buf_init(&want);
        tp_evaluation *ev = tp_evaluation_new(tender);
        for (size_t i = 0; i < N_BID_FILES; i++)
            tp_evaluation_add(ev, load_bid(i, name, stream ? i + 1 : 1));
        write_all(&want, ev);
        tp_evaluation_free(ev);
        for (size_t split = 0; split <= N_BID_FILES; split++) {
            tp_evaluation *a = tp_evaluation_new(tender), *b = tp_evaluation_new(tender);
            for (size_t i = 0; i < N_BID_FILES; i++) {
                if (i < split)
                    tp_evaluation_add(a, load_bid(i, name, stream ? i + 1 : 1));
                else
                    tp_evaluation_add(b, load_bid(i, name, stream ? i - split + 1 : 1));
            }
            tp_evaluation_merge(a, b, stream ? split : 0);
            tp_evaluation_free(b);
            tp_buf got;
            tp_buf_init(&got);
            write_all(&got, a);
            assert_int_equal(got.len, want.len);
            assert_memory_equal(got.data, want.data, want.len);
            tp_buf_dispose(&got);
            tp_evaluation_free(a);
        }
        tp_buf_dispose(&want);
    }
    close_sample_tender(&st);
}

/* Every sample bid `times` times, as one stream, evaluated and finished. */
static tp_evaluation *samples_evaluated(const tp_tender *tender, size_t times)
{
    tp_evaluation *ev = tp_evaluation_new(tender);
    for (size_t k = 0; k < times * N_BID_FILES; k++)
        tp_evaluation_add(ev, load_bid(k % N_BID_FILES, "bids.xml", k + 1));
    assert_int_equal(tp_evaluation_finish(ev), TP_OK);
    return ev;
}

static void test_eval_fast__parallel_writer_as_sequential(void **state)
{
    (void)state;
    sample_tender st;
    open_sample_tender(&st);
    const tp_tender *tender = st.tender;
    tp_evaluation *ev = samples_evaluated(tender, 5); /* 65 bids, offers in two lots */
    tp_buf want;
    tp_buf_init(&want);
    tp_eval_xml_parallel(SIZE_MAX, 0);
    tp_sink sink = tp_sink_buf(&want);
    assert_int_equal(tp_evaluation_write_xml(ev, &sink), TP_OK);
    static const size_t blocks[] = {1, 2, 3, 7, 64};
    for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++) {
        tp_eval_xml_parallel(1, blocks[b]);
        tp_buf got;
        tp_buf_init(&got);
        sink = tp_sink_buf(&got);
        assert_int_equal(tp_evaluation_write_xml(ev, &sink), TP_OK);
        assert_int_equal(got.len, want.len);
        assert_memory_equal(got.data, want.data, want.len);
        tp_buf_dispose(&got);
        /* a sink that fails anywhere: an error, not a hang */
        for (size_t left = 0; left < want.len; left += want.len / 7 + 1) {
            size_t room = left;
            tp_sink bad = {tp_test_failing_write, &room};
            assert_int_equal(tp_evaluation_write_xml(ev, &bad), TP_EIO);
        }
    }
    tp_eval_xml_parallel(0, 0);
    tp_buf_dispose(&want);
    tp_evaluation_free(ev);
    close_sample_tender(&st);
}

static void test_eval_fast__parallel_sort_as_sequential(void **state)
{
    (void)state;
    sample_tender st;
    open_sample_tender(&st);
    const tp_tender *tender = st.tender;
    /* the sample bids over and over: many equal totals, so the tie-breaks decide */
    tp_buf want;
    tp_buf_init(&want);
    for (int threads = 0; threads < 2; threads++) {
        tp_score_parallel_sort(threads ? 2 : SIZE_MAX);
        tp_evaluation *ev = samples_evaluated(tender, 20);
        tp_buf got;
        tp_buf_init(&got);
        tp_sink sink = tp_sink_buf(threads ? &got : &want);
        assert_int_equal(tp_evaluation_write_xml(ev, &sink), TP_OK);
        if (threads) {
            assert_int_equal(got.len, want.len);
            assert_memory_equal(got.data, want.data, want.len);
        }
        tp_buf_dispose(&got);
        tp_evaluation_free(ev);
    }
    tp_score_parallel_sort(0);
    tp_buf_dispose(&want);
    close_sample_tender(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_fast__escape_as_xmlw),
        cmocka_unit_test(test_eval_fast__linear_as_general),
        cmocka_unit_test(test_eval_fast__requirement_plan_as_general),
        cmocka_unit_test(test_eval_fast__requirement_plan_edges),
        cmocka_unit_test(test_eval_fast__scored_plan_as_general),
        cmocka_unit_test(test_eval_fast__format_and_round_as_128_bit),
        cmocka_unit_test(test_eval_fast__merge_as_sequential),
        cmocka_unit_test(test_eval_fast__parallel_writer_as_sequential),
        cmocka_unit_test(test_eval_fast__parallel_sort_as_sequential),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
