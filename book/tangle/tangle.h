/* tangle.h - assemble a literate chapter's named code chunks into files.
 *
 * A chapter is the markdown file CHAPTERS_DIR/SLUG/README.md. Inside it:
 *
 *   ```c {#chunk-name}      defines a chunk, or appends to it if it exists
 *   ```c {file=main.c}      a root: becomes the file OUT_DIR/SLUG/main.c
 *   <<chunk-name>>          (a line of its own inside a chunk) is replaced by
 *                           the chunk, every line prefixed by the indentation
 *                           that stood before "<<"
 *   <<04-backprop/name>>    the same, for a chunk of another chapter
 *
 * Errors (undefined chunk, chunk never used, reference cycle, unterminated
 * fence, unknown chapter, ...) are reported as "FILE:LINE: error: ..." so that
 * editors jump to them. Output C files carry #line directives pointing back
 * at the markdown, so compiler messages name the chapter and its line.
 */
#ifndef TANGLE_H
#define TANGLE_H

#include <stddef.h>

typedef struct tangle_session tangle_session;

/* One tangled output file, held in memory until written. */
typedef struct {
    char *path;     /* relative to the output directory, e.g. "mp.c" */
    char *content;  /* the whole text of the file */
    size_t length;  /* bytes in content */
} tangle_file;

/* The result of tangling one chapter. */
typedef struct {
    tangle_file *files;  /* in order of first definition in the chapter */
    size_t n_files;
    char **sources;      /* every markdown file read (the chapter first) */
    size_t n_sources;
    char *errors;        /* "FILE:LINE: error: ...\n" lines; "" if none */
    size_t n_errors;
} tangle_result;

/* A session reads chapters from chapters_dir (e.g. "chapters"); a path it
 * prints is chapters_dir/SLUG/README.md, as given, so run from the root of
 * the repository to get paths a compiler and an editor understand. */
tangle_session *tangle_session_new(const char *chapters_dir);
void tangle_session_free(tangle_session *session);

/* Gives the session the text of chapter `slug` instead of reading it from
 * chapters_dir (for tests and fuzzing). Call before tangling. */
void tangle_session_add_text(tangle_session *session, const char *slug,
                             const char *text, size_t length);

/* Tangles chapter `slug`. Always fills *result (free it with
 * tangle_result_free); returns the number of errors, 0 on success.
 * Files are produced only when there are no errors. */
size_t tangle_chapter(tangle_session *session, const char *slug,
                      tangle_result *result);
void tangle_result_free(tangle_result *result);

/* Writes path (creating parent directories) only if its content differs
 * from `content`; writes go to a temporary file that is then renamed.
 * Returns 1 if written, 0 if unchanged, -1 on error (message in err). */
int tangle_write_if_changed(const char *path, const char *content,
                            size_t length, char *err, size_t err_size);

#endif
