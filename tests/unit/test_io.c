/* core/io: atomic output, whole or streamed, and bounded input. A failed or
 * abandoned output leaves neither the file nor a temporary one behind. */
#include "tp_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/io.h"

/* A fresh empty folder; its path is written into dir (64 bytes). */
static void make_dir(char dir[64])
{
    snprintf(dir, 64, "/tmp/tp-test-io-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void read_back(tp_buf *b, const char *path)
{
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_read_file(b, path, 1u << 20, &d), TP_OK);
    tp_diags_dispose(&d);
}

static void test_io__streamed_atomic_file(void **state)
{
    char dir[64], path[128];
    make_dir(dir);
    snprintf(path, sizeof path, "%s/out.xml", dir);
    tp_diags d;
    tp_diags_init(&d);
    tp_atomic_file f;
    assert_int_equal(tp_atomic_open(&f, path, &d), TP_OK);
    tp_sink sink = tp_atomic_sink(&f);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(tp_sink_write(&sink, "0123456789", 10), 0);
    assert_int_equal(access(path, F_OK), -1); /* not there before the commit */
    assert_int_equal(tp_atomic_commit(&f, &d), TP_OK);
    tp_buf b;
    tp_buf_init(&b);
    read_back(&b, path);
    assert_int_equal(b.len, 10000);
    assert_memory_equal(b.data + 9990, "0123456789", 10);
    assert_int_equal(entries(dir), 1); /* no temporary file left */

    /* abandoned: the old file stays as it was */
    assert_int_equal(tp_atomic_open(&f, path, &d), TP_OK);
    sink = tp_atomic_sink(&f);
    tp_sink_write(&sink, "half", 4);
    tp_atomic_abort(&f);
    tp_buf_clear(&b);
    read_back(&b, path);
    assert_int_equal(b.len, 10000);
    assert_int_equal(entries(dir), 1);

    /* a write that fails: an error that names the file, nothing replaced */
    assert_int_equal(tp_atomic_open(&f, path, &d), TP_OK);
    close(f.fd); /* behind its back: the next write fails */
    sink = tp_atomic_sink(&f);
    assert_int_not_equal(tp_sink_write(&sink, "x", 1), 0);
    f.fd = open("/dev/null", 0); /* something for commit to close */
    assert_int_equal(tp_atomic_commit(&f, &d), TP_EIO);
    assert_true(d.n > 0);
    assert_string_equal(d.v[d.n - 1].file, path);
    tp_buf_clear(&b);
    read_back(&b, path);
    assert_int_equal(b.len, 10000);
    assert_int_equal(entries(dir), 1);

    unlink(path);
    rmdir(dir);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

static void test_io__whole_file_and_limits(void **state)
{
    char dir[64], path[128];
    make_dir(dir);
    snprintf(path, sizeof path, "%s/a.txt", dir);
    tp_diags d;
    tp_diags_init(&d);
    assert_int_equal(tp_write_file_atomic(path, "hello", 5, &d), TP_OK);
    tp_buf b;
    tp_buf_init(&b);
    assert_int_equal(tp_read_file(&b, path, 4, &d), TP_ELIMIT); /* over the limit */
    tp_buf_clear(&b);
    read_back(&b, path);
    assert_int_equal(b.len, 5);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/folder/a.txt", dir);
    size_t before = d.n;
    assert_int_equal(tp_write_file_atomic(missing, "x", 1, &d), TP_EIO);
    assert_int_equal(d.n, before + 1);
    assert_string_equal(d.v[before].file, missing);
    unlink(path);
    rmdir(dir);
    tp_buf_dispose(&b);
    tp_diags_dispose(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_io__streamed_atomic_file),
        cmocka_unit_test(test_io__whole_file_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
