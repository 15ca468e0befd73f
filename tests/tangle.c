/* Tests of the tangler (book/tangle): chunks, references, errors, writing. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tangle.h"

/* Each test gets its own chapters directory under /tmp. */
static char root[256];

static void make_root(void) {
    snprintf(root, sizeof root, "/tmp/tangle-test-XXXXXX");
    cr_assert_not_null(mkdtemp(root), "mkdtemp failed");
}

static void remove_root(void) {
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", root);
    cr_expect_eq(system(command), 0);
}

TestSuite(tangle, .init = make_root, .fini = remove_root);

static void write_chapter(const char *slug, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, slug);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/%s/README.md", root, slug);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

/* Tangles `slug`; returns the number of errors and leaves the result. */
static size_t run(const char *slug, tangle_result *result) {
    tangle_session *session = tangle_session_new(root);
    size_t n = tangle_chapter(session, slug, result);
    tangle_session_free(session);
    return n;
}

static const char *file_content(const tangle_result *r, const char *path) {
    for (size_t i = 0; i < r->n_files; i++)
        if (strcmp(r->files[i].path, path) == 0) return r->files[i].content;
    return NULL;
}

/* The text of a file with its #line directives removed. */
static char *without_line_directives(const char *text) {
    char *out = calloc(strlen(text) + 1, 1);
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p + 1) : strlen(p);
        if (strncmp(p, "#line ", 6) != 0) strncat(out, p, n);
        p += n;
    }
    return out;
}

Test(tangle, root_with_chunk_and_line_directives) {
    write_chapter("01-a", "# A\n"
                          "\n"
                          "```c {file=a.c}\n"
                          "int f(void) {\n"
                          "    <<body>>\n"
                          "}\n"
                          "```\n"
                          "\n"
                          "```c {#body}\n"
                          "return 42;\n"
                          "```\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    cr_assert_eq(r.n_files, 1);
    char path[512];
    snprintf(path, sizeof path, "%s/01-a/README.md", root);
    char expected[2048];
    snprintf(expected, sizeof expected,
             "#line 4 \"%s\"\n"
             "int f(void) {\n"
             "#line 10 \"%s\"\n"
             "    return 42;\n"
             "#line 6 \"%s\"\n"
             "}\n",
             path, path, path);
    cr_expect_str_eq(file_content(&r, "a.c"), expected);
    tangle_result_free(&r);
}

Test(tangle, definitions_append_in_order_and_indentation_nests) {
    write_chapter("01-a", "```c {file=x.c}\n"
                          "<<outer>>\n"
                          "```\n"
                          "```c {#outer}\n"
                          "if (a) {\n"
                          "    <<inner>>\n"
                          "}\n"
                          "```\n"
                          "```c {#inner}\n"
                          "one();\n"
                          "  <<deepest>>\n"
                          "```\n"
                          "```c {#deepest}\n"
                          "three();\n"
                          "```\n"
                          "```c {#inner}\n"
                          "two();\n"
                          "\n"
                          "```\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    char *plain = without_line_directives(file_content(&r, "x.c"));
    cr_expect_str_eq(plain, "if (a) {\n"
                            "    one();\n"
                            "      three();\n"
                            "    two();\n"
                            "\n"  /* an empty line gets no trailing indentation */
                            "}\n");
    free(plain);
    tangle_result_free(&r);
}

Test(tangle, qualified_reference_to_another_chapter) {
    write_chapter("01-a", "```c {#shared}\n"
                          "int shared = 1;\n"
                          "```\n"
                          "```c {file=a.c}\n"
                          "<<shared>>\n"
                          "```\n");
    write_chapter("02-b", "```c {file=b.c}\n"
                          "<<01-a/shared>>\n"
                          "int mine;\n"
                          "```\n");
    tangle_result r;
    cr_assert_eq(run("02-b", &r), 0, "errors: %s", r.errors);
    const char *b = file_content(&r, "b.c");
    cr_assert_not_null(strstr(b, "int shared = 1;\n"));
    char where[512];
    snprintf(where, sizeof where, "#line 2 \"%s/01-a/README.md\"", root);
    cr_expect_not_null(strstr(b, where), "the borrowed line points at chapter 1:\n%s", b);
    snprintf(where, sizeof where, "#line 3 \"%s/02-b/README.md\"", root);
    cr_expect_not_null(strstr(b, where), "then back at chapter 2:\n%s", b);
    cr_assert_eq(r.n_sources, 2, "both markdown files are sources");
    cr_expect_not_null(strstr(r.sources[1], "01-a/README.md"));
    tangle_result_free(&r);
}

Test(tangle, chunk_used_only_by_a_later_chapter_is_not_unused) {
    write_chapter("01-a", "```c {#exported}\n"
                          "int e;\n"
                          "```\n"
                          "```c {file=a.c}\n"
                          "int a;\n"
                          "```\n");
    write_chapter("02-b", "```c {file=b.c}\n"
                          "<<01-a/exported>>\n"
                          "```\n");
    tangle_result r;
    cr_expect_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    tangle_result_free(&r);
}

static void expect_error(const char *slug, const char *line, const char *message) {
    tangle_result r;
    cr_assert_gt(run(slug, &r), 0, "expected an error containing '%s'", message);
    char where[512];
    snprintf(where, sizeof where, "%s/%s/README.md:%s: error: ", root, slug, line);
    cr_expect_not_null(strstr(r.errors, where), "expected '%s' in:\n%s", where, r.errors);
    cr_expect_not_null(strstr(r.errors, message), "expected '%s' in:\n%s", message, r.errors);
    cr_expect_eq(r.n_files, 0, "no files on error");
    tangle_result_free(&r);
}

Test(tangle, undefined_chunk) {
    write_chapter("01-a", "# A\n"
                          "```c {file=a.c}\n"
                          "<<missing>>\n"
                          "```\n");
    expect_error("01-a", "3", "undefined chunk <<missing>>");
}

Test(tangle, chunk_never_used) {
    write_chapter("01-a", "```c {file=a.c}\n"
                          "int a;\n"
                          "```\n"
                          "\n"
                          "```c {#orphan}\n"
                          "int b;\n"
                          "```\n");
    expect_error("01-a", "5", "chunk <<orphan>> is defined but never used");
}

Test(tangle, reference_cycle) {
    write_chapter("01-a", "```c {file=a.c}\n"
                          "<<ping>>\n"
                          "```\n"
                          "```c {#ping}\n"
                          "<<pong>>\n"
                          "```\n"
                          "```c {#pong}\n"
                          "<<ping>>\n"
                          "```\n");
    expect_error("01-a", "8", "reference cycle: <<ping>> -> <<pong>> -> <<ping>>");
}

Test(tangle, chunk_referring_to_itself) {
    write_chapter("01-a", "```c {file=a.c}\n"
                          "<<self>>\n"
                          "```\n"
                          "```c {#self}\n"
                          "<<self>>\n"
                          "```\n");
    expect_error("01-a", "5", "reference cycle: <<self>> -> <<self>>");
}

Test(tangle, unterminated_fence) {
    write_chapter("01-a", "# A\n"
                          "\n"
                          "```c {file=a.c}\n"
                          "int a;\n"
                          "``\n");
    expect_error("01-a", "3", "unterminated code fence");
}

Test(tangle, unknown_chapter_in_reference) {
    write_chapter("01-a", "```c {file=a.c}\n"
                          "<<09-nowhere/thing>>\n"
                          "```\n");
    expect_error("01-a", "2", "unknown chapter '09-nowhere'");
}

Test(tangle, unknown_chapter_to_tangle) {
    tangle_result r;
    cr_assert_eq(run("07-absent", &r), 1);
    cr_expect_not_null(strstr(r.errors, "unknown chapter '07-absent'"), "%s", r.errors);
    tangle_result_free(&r);
}

Test(tangle, undefined_chunk_in_another_chapter) {
    write_chapter("01-a", "```c {file=a.c}\n"
                          "int a;\n"
                          "```\n");
    write_chapter("02-b", "```c {file=b.c}\n"
                          "<<01-a/nothing>>\n"
                          "```\n");
    expect_error("02-b", "2", "undefined chunk <<01-a/nothing>>");
}

Test(tangle, no_root_is_an_error) {
    write_chapter("01-a", "Just prose.\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 1);
    cr_expect_not_null(strstr(r.errors, "no root chunk"), "%s", r.errors);
    tangle_result_free(&r);
}

Test(tangle, root_path_may_not_leave_the_output_directory) {
    write_chapter("01-a", "```c {file=../evil.c}\n"
                          "int a;\n"
                          "```\n");
    expect_error("01-a", "1", "relative path inside");
}

Test(tangle, other_code_blocks_and_shifts_are_not_chunks) {
    write_chapter("01-a", "```console\n"
                          "<<not-a-reference>>\n"
                          "```\n"
                          "~~~c {file=a.c}\n"
                          "x = y << 2;\n"
                          "a <<b>> c;\n"
                          "```\n"
                          "<<still inside: the fence is ~~~>>\n"
                          "~~~\n"
                          "````c {#unused-looking}\n"
                          "```\n"
                          "````\n");
    /* The last block IS a chunk (a 4-backtick fence holding a ``` line),
     * and nothing uses it: exactly one error, on line 10. */
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 1, "errors: %s", r.errors);
    cr_expect_not_null(strstr(r.errors, "README.md:10: error: chunk <<unused-looking>>"),
                       "%s", r.errors);
    tangle_result_free(&r);
}

Test(tangle, tilde_fence_and_literal_shift_operators) {
    write_chapter("01-a", "~~~c {file=a.c}\n"
                          "x = y << 2;\n"
                          "a <<b>> c;\n"
                          "```\n"
                          "~~~\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    char *plain = without_line_directives(file_content(&r, "a.c"));
    cr_expect_str_eq(plain, "x = y << 2;\na <<b>> c;\n```\n");
    free(plain);
    tangle_result_free(&r);
}

Test(tangle, crlf_line_endings) {
    write_chapter("01-a", "```c {file=a.c}\r\n<<x>>\r\n```\r\n```c {#x}\r\nint x;\r\n```\r\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    char *plain = without_line_directives(file_content(&r, "a.c"));
    cr_expect_str_eq(plain, "int x;\n");
    free(plain);
    tangle_result_free(&r);
}

Test(tangle, non_c_roots_have_no_line_directives) {
    write_chapter("01-a", "```sh {file=run.sh}\n"
                          "echo hi\n"
                          "```\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    cr_expect_str_eq(file_content(&r, "run.sh"), "echo hi\n");
    tangle_result_free(&r);
}

Test(tangle, write_only_when_changed) {
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/out/deep/file.c", root);
    cr_assert_eq(tangle_write_if_changed(path, "abc\n", 4, err, sizeof err), 1, "%s", err);
    struct stat before, after;
    cr_assert_eq(stat(path, &before), 0);
    sleep(1);
    cr_expect_eq(tangle_write_if_changed(path, "abc\n", 4, err, sizeof err), 0,
                 "unchanged content is not rewritten");
    cr_assert_eq(stat(path, &after), 0);
    cr_expect_eq(before.st_mtime, after.st_mtime, "the file's time did not move");
    cr_expect_eq(tangle_write_if_changed(path, "abcd\n", 5, err, sizeof err), 1);
    FILE *f = fopen(path, "r");
    char content[16] = "";
    cr_assert_not_null(fgets(content, sizeof content, f));
    fclose(f);
    cr_expect_str_eq(content, "abcd\n");
}

Test(tangle, write_reports_failure) {
    char err[256] = "";
    cr_expect_eq(tangle_write_if_changed("/proc/no/such/dir/x.c", "a", 1, err, sizeof err), -1);
    cr_expect_neq(err[0], '\0', "a message says why");
}

/* The point of #line: the compiler names the chapter's line. */
Test(tangle, compiler_errors_name_the_markdown_line) {
    write_chapter("01-a", "# A chapter with a typo\n"
                          "\n"
                          "```c {file=a.c}\n"
                          "int f(void) {\n"
                          "    <<body>>\n"
                          "}\n"
                          "```\n"
                          "\n"
                          "Some prose.\n"
                          "\n"
                          "```c {#body}\n"
                          "int x = 1;\n"
                          "return x +;\n"
                          "```\n");
    tangle_result r;
    cr_assert_eq(run("01-a", &r), 0, "errors: %s", r.errors);
    char source[512], command[1024];
    snprintf(source, sizeof source, "%s/a.c", root);
    char err[256];
    const char *content = file_content(&r, "a.c");
    cr_assert_eq(tangle_write_if_changed(source, content, strlen(content), err, sizeof err), 1);
    snprintf(command, sizeof command, "cc -fsyntax-only '%s' 2>&1", source);
    FILE *compiler = popen(command, "r");
    cr_assert_not_null(compiler);
    char output[8192] = "";
    size_t n = fread(output, 1, sizeof output - 1, compiler);
    output[n] = '\0';
    cr_expect_neq(pclose(compiler), 0, "the compiler rejects the typo");
    char where[512];
    snprintf(where, sizeof where, "%s/01-a/README.md:13:", root);
    cr_expect_not_null(strstr(output, where), "expected '%s' in the compiler's output:\n%s",
                       where, output);
    tangle_result_free(&r);
}

Test(tangle, exponential_expansion_is_stopped) {
    /* Each level uses the next twice: 2^40 copies of a line if unchecked. */
    char text[8192] = "```c {file=a.c}\n<<l0>>\n```\n";
    for (int level = 0; level < 40; level++) {
        char chunk[128];
        snprintf(chunk, sizeof chunk, "```c {#l%d}\n<<l%d>>\n<<l%d>>\n```\n", level, level + 1,
                 level + 1);
        strcat(text, chunk);
    }
    strcat(text, "```c {#l40}\nint x;\n```\n");
    tangle_session *session = tangle_session_new(root);
    tangle_session_add_text(session, "01-a", text, strlen(text));
    tangle_result r;
    cr_assert_gt(tangle_chapter(session, "01-a", &r), 0);
    cr_expect_not_null(strstr(r.errors, "larger than"), "%s", r.errors);
    tangle_result_free(&r);
    tangle_session_free(session);
}
