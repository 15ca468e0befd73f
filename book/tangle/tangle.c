/* tangle.c - see tangle.h for the format. */
#define _POSIX_C_SOURCE 200809L
#include "tangle.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- growable buffer ---------------------------------------------------- */

typedef struct {
    char *data;
    size_t length, capacity;
} buffer;

static void *xrealloc(void *p, size_t size) {
    void *q = realloc(p, size ? size : 1);
    if (!q) {
        fputs("tangle: out of memory\n", stderr);
        exit(2);
    }
    return q;
}

static char *xstrndup(const char *s, size_t n) {
    char *copy = xrealloc(NULL, n + 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

static void buffer_append(buffer *b, const char *s, size_t n) {
    if (b->length + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 256;
        while (b->length + n + 1 > capacity) capacity *= 2;
        b->data = xrealloc(b->data, capacity);
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, s, n);
    b->length += n;
    b->data[b->length] = '\0';
}

static void buffer_printf(buffer *b, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (n < 0) return;
    char *text = xrealloc(NULL, (size_t)n + 1);
    va_start(args, format);
    vsnprintf(text, (size_t)n + 1, format, args);
    va_end(args);
    buffer_append(b, text, (size_t)n);
    free(text);
}

/* ---- the model of a chapter ---------------------------------------------- */

/* One fenced block of a chunk: a chunk is one or more parts, in order. */
typedef struct {
    size_t first_line;  /* markdown line number of the first code line */
    size_t fence_line;  /* markdown line number of the opening fence */
    size_t first, count; /* the part's lines: chapter->lines[first ..] */
} part;

typedef struct {
    char *name;      /* chunk name, or the file path for a root */
    int is_file;     /* 1 for {file=...} roots */
    part *parts;
    size_t n_parts;
    int used;        /* referenced from some chunk of some chapter */
} chunk;

typedef struct {
    const char *text; /* points into the chapter's file buffer (no '\n') */
    size_t length;
    int in_chunk;     /* line belongs to a chunk's code */
} line;

typedef struct {
    char *slug;
    char *path;       /* CHAPTERS_DIR/SLUG/README.md */
    int exists;       /* the file could be read */
    char *source;     /* file contents */
    line *lines;      /* lines[i] is markdown line i + 1 */
    size_t n_lines;
    chunk *chunks;
    size_t n_chunks;
    buffer errors;    /* parse errors of this chapter */
    size_t n_errors;
    int reached;      /* expanded from in the current tangle_chapter call */
} chapter;

struct tangle_session {
    char *chapters_dir;
    chapter **chapters;
    size_t n_chapters;
    int all_loaded;   /* every chapter directory was read */
};

static void add_error(buffer *errors, size_t *n_errors, const char *path,
                      size_t line_number, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *message = xrealloc(NULL, (size_t)(n < 0 ? 0 : n) + 1);
    va_start(args, format);
    vsnprintf(message, (size_t)(n < 0 ? 0 : n) + 1, format, args);
    va_end(args);
    if (line_number)
        buffer_printf(errors, "%s:%zu: error: %s\n", path, line_number, message);
    else
        buffer_printf(errors, "%s: error: %s\n", path, message);
    free(message);
    (*n_errors)++;
}

/* ---- reading markdown ---------------------------------------------------- */

static int read_file(const char *path, char **contents, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    buffer b = {0};
    char chunk_buffer[65536];
    size_t n;
    while ((n = fread(chunk_buffer, 1, sizeof chunk_buffer, f)) > 0)
        buffer_append(&b, chunk_buffer, n);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(b.data);
        return -1;
    }
    if (!b.data) b.data = xstrndup("", 0);
    *contents = b.data;
    *length = b.length;
    return 0;
}

static void split_lines(chapter *ch, size_t length) {
    size_t capacity = 0;
    const char *p = ch->source, *end = ch->source + length;
    while (p < end) {
        const char *newline = memchr(p, '\n', (size_t)(end - p));
        const char *stop = newline ? newline : end;
        size_t n = (size_t)(stop - p);
        if (n > 0 && p[n - 1] == '\r') n--;
        if (ch->n_lines == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            ch->lines = xrealloc(ch->lines, capacity * sizeof *ch->lines);
        }
        ch->lines[ch->n_lines++] = (line){p, n, 0};
        p = newline ? newline + 1 : end;
    }
}

/* An opening or closing code fence: `indent` spaces, then `count` (>= 3)
 * copies of `fence_char` ('`' or '~'), then the info string. */
typedef struct {
    size_t indent, count;
    char fence_char;
    const char *info;
    size_t info_length;
} fence;

static int parse_fence(const line *l, fence *f) {
    size_t i = 0;
    while (i < l->length && l->text[i] == ' ') i++;
    if (i >= l->length) return 0;
    char c = l->text[i];
    if (c != '`' && c != '~') return 0;
    size_t count = 0;
    while (i + count < l->length && l->text[i + count] == c) count++;
    if (count < 3) return 0;
    f->indent = i;
    f->count = count;
    f->fence_char = c;
    f->info = l->text + i + count;
    f->info_length = l->length - i - count;
    /* A backtick fence's info string may not contain backticks. */
    if (c == '`' && memchr(f->info, '`', f->info_length)) return 0;
    while (f->info_length && (*f->info == ' ' || *f->info == '\t')) {
        f->info++;
        f->info_length--;
    }
    while (f->info_length &&
           (f->info[f->info_length - 1] == ' ' || f->info[f->info_length - 1] == '\t'))
        f->info_length--;
    return 1;
}

static int is_closing_fence(const line *l, const fence *open) {
    fence f;
    if (!parse_fence(l, &f)) return 0;
    return f.fence_char == open->fence_char && f.count >= open->count &&
           f.info_length == 0 && f.indent <= open->indent + 3;
}

/* Reads the attributes of an info string such as `c {#name}` or
 * `c {file=main.c}`. Sets *name (malloc'd) and *is_file when the block is a
 * chunk; returns 0, or -1 with a message for a malformed attribute list. */
static int parse_info(const char *info, size_t length, char **name,
                      int *is_file, char *message, size_t message_size) {
    *name = NULL;
    *is_file = 0;
    const char *open = memchr(info, '{', length);
    if (!open) return 0;
    const char *end = info + length;
    const char *close = memchr(open, '}', (size_t)(end - open));
    if (!close) {
        snprintf(message, message_size, "attribute list '{' is not closed by '}'");
        return -1;
    }
    const char *p = open + 1;
    while (p < close) {
        while (p < close && (*p == ' ' || *p == '\t')) p++;
        if (p >= close) break;
        const char *start = p;
        while (p < close && *p != ' ' && *p != '\t') {
            if (*p == '"') {  /* key="quoted value" */
                p++;
                while (p < close && *p != '"') p++;
            }
            if (p < close) p++;
        }
        size_t n = (size_t)(p - start);
        if (start[0] == '#') {
            if (n < 2) {
                snprintf(message, message_size, "empty chunk name after '#'");
                free(*name);
                *name = NULL;
                return -1;
            }
            if (*name) {
                snprintf(message, message_size, "a code block names two chunks");
                free(*name);
                *name = NULL;
                return -1;
            }
            *name = xstrndup(start + 1, n - 1);
        } else if (n > 5 && strncmp(start, "file=", 5) == 0) {
            const char *value = start + 5;
            size_t value_length = n - 5;
            if (value[0] == '"' && value_length >= 2 && value[value_length - 1] == '"') {
                value++;
                value_length -= 2;
            }
            if (*name) {
                snprintf(message, message_size, "a code block names two chunks");
                free(*name);
                *name = NULL;
                return -1;
            }
            *name = xstrndup(value, value_length);
            *is_file = 1;
        }
    }
    return 0;
}

/* A reference is a line holding only <<name>> (after indentation). Returns
 * 1 and the indentation length and name span if `l` is one. */
static int parse_reference(const char *text, size_t length, size_t *indent,
                           const char **name, size_t *name_length) {
    size_t i = 0;
    while (i < length && (text[i] == ' ' || text[i] == '\t')) i++;
    if (length - i < 5 || text[i] != '<' || text[i + 1] != '<') return 0;
    size_t start = i + 2, j = start;
    while (j < length && text[j] != '>' && text[j] != '<' && text[j] != ' ' &&
           text[j] != '\t')
        j++;
    if (j == start || j + 1 >= length || text[j] != '>' || text[j + 1] != '>')
        return 0;
    size_t k = j + 2;
    while (k < length && (text[k] == ' ' || text[k] == '\t')) k++;
    if (k != length) return 0;
    *indent = i;
    *name = text + start;
    *name_length = j - start;
    return 1;
}

static chunk *find_chunk(chapter *ch, const char *name, size_t n, int is_file) {
    for (size_t i = 0; i < ch->n_chunks; i++)
        if (ch->chunks[i].is_file == is_file && strlen(ch->chunks[i].name) == n &&
            memcmp(ch->chunks[i].name, name, n) == 0)
            return &ch->chunks[i];
    return NULL;
}

static int valid_file_path(const char *path) {
    if (path[0] == '/' || path[0] == '\0') return 0;
    for (const char *p = path; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        p += n + (slash ? 1 : 0);
        if (slash && !*p) return 0;
    }
    return 1;
}

static void parse_chapter(chapter *ch, size_t length) {
    ch->exists = 1;
    split_lines(ch, length);
    size_t capacity = 0;
    for (size_t i = 0; i < ch->n_lines; i++) {
        fence open;
        if (!parse_fence(&ch->lines[i], &open)) continue;
        size_t fence_line = i + 1, close = i + 1;
        while (close < ch->n_lines && !is_closing_fence(&ch->lines[close], &open)) close++;
        if (close >= ch->n_lines) {
            add_error(&ch->errors, &ch->n_errors, ch->path, fence_line,
                      "unterminated code fence (no closing %.*s)", (int)open.count > 10 ? 10 : (int)open.count,
                      open.fence_char == '`' ? "``````````" : "~~~~~~~~~~");
            return;
        }
        char *name = NULL, message[200];
        int is_file = 0;
        if (parse_info(open.info, open.info_length, &name, &is_file, message,
                       sizeof message) != 0) {
            add_error(&ch->errors, &ch->n_errors, ch->path, fence_line, "%s", message);
        } else if (name && is_file && !valid_file_path(name)) {
            add_error(&ch->errors, &ch->n_errors, ch->path, fence_line,
                      "file=%s: a root must be a relative path inside the chapter's "
                      "output directory",
                      name);
            free(name);
        } else if (name && !is_file && strchr(name, '/')) {
            add_error(&ch->errors, &ch->n_errors, ch->path, fence_line,
                      "chunk name '%s' may not contain '/' (that marks another "
                      "chapter in a reference)",
                      name);
            free(name);
        } else if (name) {
            /* Remove the fence's indentation from the content, as CommonMark does. */
            for (size_t j = i + 1; j < close; j++) {
                line *l = &ch->lines[j];
                size_t strip = 0;
                while (strip < open.indent && strip < l->length && l->text[strip] == ' ')
                    strip++;
                l->text += strip;
                l->length -= strip;
                l->in_chunk = 1;
            }
            chunk *c = find_chunk(ch, name, strlen(name), is_file);
            if (c) {
                free(name);
            } else {
                if (ch->n_chunks == capacity) {
                    capacity = capacity ? capacity * 2 : 32;
                    ch->chunks = xrealloc(ch->chunks, capacity * sizeof *ch->chunks);
                }
                c = &ch->chunks[ch->n_chunks++];
                *c = (chunk){.name = name, .is_file = is_file};
            }
            c->parts = xrealloc(c->parts, (c->n_parts + 1) * sizeof *c->parts);
            c->parts[c->n_parts++] = (part){.first_line = fence_line + 1,
                                            .fence_line = fence_line,
                                            .first = i + 1,
                                            .count = close - i - 1};
        }
        i = close;
    }
}

/* ---- the session --------------------------------------------------------- */

tangle_session *tangle_session_new(const char *chapters_dir) {
    tangle_session *s = xrealloc(NULL, sizeof *s);
    *s = (tangle_session){0};
    s->chapters_dir = xstrndup(chapters_dir, strlen(chapters_dir));
    return s;
}

static void chapter_free(chapter *ch) {
    for (size_t i = 0; i < ch->n_chunks; i++) {
        free(ch->chunks[i].name);
        free(ch->chunks[i].parts);
    }
    free(ch->chunks);
    free(ch->lines);
    free(ch->source);
    free(ch->slug);
    free(ch->path);
    free(ch->errors.data);
    free(ch);
}

void tangle_session_free(tangle_session *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n_chapters; i++) chapter_free(s->chapters[i]);
    free(s->chapters);
    free(s->chapters_dir);
    free(s);
}

static int valid_slug(const char *slug, size_t n) {
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (slug[i] == '/' || slug[i] == '\\' || (i == 0 && slug[i] == '.')) return 0;
    return 1;
}

/* The chapter `slug`, read and parsed on first use; NULL for a name that
 * cannot be a chapter. ch->exists says whether its file was there. */
static chapter *get_chapter(tangle_session *s, const char *slug, size_t n) {
    if (!valid_slug(slug, n)) return NULL;
    for (size_t i = 0; i < s->n_chapters; i++)
        if (strlen(s->chapters[i]->slug) == n && memcmp(s->chapters[i]->slug, slug, n) == 0)
            return s->chapters[i];
    chapter *ch = xrealloc(NULL, sizeof *ch);
    *ch = (chapter){0};
    ch->slug = xstrndup(slug, n);
    buffer path = {0};
    buffer_printf(&path, "%s/%s/README.md", s->chapters_dir, ch->slug);
    ch->path = path.data;
    size_t length = 0;
    if (read_file(ch->path, &ch->source, &length) == 0) parse_chapter(ch, length);
    s->chapters = xrealloc(s->chapters, (s->n_chapters + 1) * sizeof *s->chapters);
    s->chapters[s->n_chapters++] = ch;
    return ch;
}

void tangle_session_add_text(tangle_session *s, const char *slug, const char *text,
                             size_t length) {
    chapter *ch = xrealloc(NULL, sizeof *ch);
    *ch = (chapter){0};
    ch->slug = xstrndup(slug, strlen(slug));
    buffer path = {0};
    buffer_printf(&path, "%s/%s/README.md", s->chapters_dir, ch->slug);
    ch->path = path.data;
    ch->source = xstrndup(text, length);
    parse_chapter(ch, length);
    s->chapters = xrealloc(s->chapters, (s->n_chapters + 1) * sizeof *s->chapters);
    s->chapters[s->n_chapters++] = ch;
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads every chapter so that "never used" can count references from any
 * chapter, including later ones that reuse a chunk by qualified name. */
static void load_all_chapters(tangle_session *s) {
    if (s->all_loaded) return;
    s->all_loaded = 1;
    DIR *dir = opendir(s->chapters_dir);
    if (!dir) return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        buffer path = {0};
        buffer_printf(&path, "%s/%s/README.md", s->chapters_dir, entry->d_name);
        struct stat st;
        int is_chapter = stat(path.data, &st) == 0 && S_ISREG(st.st_mode);
        free(path.data);
        if (!is_chapter) continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrndup(entry->d_name, strlen(entry->d_name));
    }
    closedir(dir);
    if (n > 1) qsort(names, n, sizeof *names, compare_strings);
    for (size_t i = 0; i < n; i++) {
        get_chapter(s, names[i], strlen(names[i]));
        free(names[i]);
    }
    free(names);
}

/* Splits a reference "slug/name" or "name" (relative to `from`). */
static chapter *resolve_chapter(tangle_session *s, chapter *from, const char *ref,
                                size_t n, const char **name, size_t *name_length) {
    const char *slash = memchr(ref, '/', n);
    if (!slash) {
        *name = ref;
        *name_length = n;
        return from;
    }
    *name = slash + 1;
    *name_length = n - (size_t)(slash + 1 - ref);
    return get_chapter(s, ref, (size_t)(slash - ref));
}

static void mark_uses(tangle_session *s) {
    /* s->chapters may grow while we walk it (a reference to a new chapter). */
    for (size_t c = 0; c < s->n_chapters; c++) {
        for (size_t k = 0; k < s->chapters[c]->n_chunks; k++) {
            for (size_t p = 0; p < s->chapters[c]->chunks[k].n_parts; p++) {
                part pt = s->chapters[c]->chunks[k].parts[p];
                for (size_t i = pt.first; i < pt.first + pt.count; i++) {
                    chapter *ch = s->chapters[c];
                    size_t indent, name_length;
                    const char *name;
                    if (!parse_reference(ch->lines[i].text, ch->lines[i].length, &indent,
                                         &name, &name_length))
                        continue;
                    const char *chunk_name;
                    size_t chunk_name_length;
                    chapter *target = resolve_chapter(s, ch, name, name_length,
                                                      &chunk_name, &chunk_name_length);
                    if (!target || !target->exists) continue;
                    chunk *used = find_chunk(target, chunk_name, chunk_name_length, 0);
                    if (used) used->used = 1;
                }
            }
        }
    }
}

/* ---- expansion ----------------------------------------------------------- */

typedef struct {
    chapter *ch;
    chunk *c;
} frame;

typedef struct {
    tangle_session *session;
    buffer out;
    int line_directives;  /* emit #line (C and C headers) */
    frame stack[64];
    size_t depth;
    buffer *errors;
    size_t *n_errors;
    int too_large;        /* the output passed MAX_OUTPUT_BYTES */
} expansion;

static void emit_line_directive(expansion *e, const chapter *ch, size_t line_number) {
    if (!e->line_directives) return;
    if (e->out.length && e->out.data[e->out.length - 1] != '\n')
        buffer_append(&e->out, "\n", 1);
    buffer_printf(&e->out, "#line %zu \"%s\"\n", line_number, ch->path);
}

/* No chapter needs more; a larger file means chunks that multiply. */
enum { MAX_OUTPUT_BYTES = 64 << 20 };

static void expand(expansion *e, chapter *ch, chunk *c, const char *indent,
                   size_t indent_length) {
    if (e->too_large) return;
    if (e->out.length > MAX_OUTPUT_BYTES) {
        e->too_large = 1;
        add_error(e->errors, e->n_errors, ch->path, c->parts[0].fence_line,
                  "expanding <<%s>> makes the file larger than %d MiB: do chunks "
                  "refer to each other many times over?",
                  c->name, MAX_OUTPUT_BYTES >> 20);
        return;
    }
    if (e->depth == sizeof e->stack / sizeof e->stack[0]) {
        add_error(e->errors, e->n_errors, ch->path, c->parts[0].fence_line,
                  "chunks nested more than %zu deep", e->depth);
        return;
    }
    e->stack[e->depth++] = (frame){ch, c};
    ch->reached = 1;
    for (size_t p = 0; p < c->n_parts; p++) {
        part pt = c->parts[p];
        emit_line_directive(e, ch, pt.first_line);
        for (size_t i = pt.first; i < pt.first + pt.count; i++) {
            const line *l = &ch->lines[i];
            size_t ref_indent, name_length;
            const char *name;
            if (!parse_reference(l->text, l->length, &ref_indent, &name, &name_length)) {
                if (l->length) {
                    buffer_append(&e->out, indent, indent_length);
                    buffer_append(&e->out, l->text, l->length);
                }
                buffer_append(&e->out, "\n", 1);
                continue;
            }
            const char *chunk_name;
            size_t chunk_name_length;
            chapter *target = resolve_chapter(e->session, ch, name, name_length,
                                              &chunk_name, &chunk_name_length);
            if (!target || !target->exists) {
                int n = (int)(memchr(name, '/', name_length)
                                  ? (size_t)((const char *)memchr(name, '/', name_length) - name)
                                  : name_length);
                add_error(e->errors, e->n_errors, ch->path, i + 1,
                          "unknown chapter '%.*s' in <<%.*s>> (no %s/%.*s/README.md)", n,
                          name, (int)name_length, name, e->session->chapters_dir, n, name);
                continue;
            }
            if (target->n_errors) {
                add_error(e->errors, e->n_errors, ch->path, i + 1,
                          "<<%.*s>>: chapter '%s' has errors of its own", (int)name_length,
                          name, target->slug);
                continue;
            }
            chunk *used = find_chunk(target, chunk_name, chunk_name_length, 0);
            if (!used) {
                add_error(e->errors, e->n_errors, ch->path, i + 1,
                          "undefined chunk <<%.*s>>%s%s", (int)name_length, name,
                          target != ch ? " in " : "", target != ch ? target->path : "");
                continue;
            }
            size_t on_stack = e->depth;
            for (size_t k = 0; k < e->depth; k++)
                if (e->stack[k].c == used) on_stack = k;
            if (on_stack < e->depth) {
                buffer cycle = {0};
                for (size_t k = on_stack; k < e->depth; k++)
                    buffer_printf(&cycle, "<<%s>> -> ", e->stack[k].c->name);
                buffer_printf(&cycle, "<<%s>>", used->name);
                add_error(e->errors, e->n_errors, ch->path, i + 1,
                          "reference cycle: %s", cycle.data);
                free(cycle.data);
                continue;
            }
            buffer new_indent = {0};
            buffer_append(&new_indent, indent, indent_length);
            buffer_append(&new_indent, l->text, ref_indent);
            expand(e, target, used, new_indent.data, new_indent.length);
            free(new_indent.data);
            if (i + 1 < pt.first + pt.count) emit_line_directive(e, ch, i + 2);
        }
    }
    e->depth--;
}

static int has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

size_t tangle_chapter(tangle_session *s, const char *slug, tangle_result *result) {
    *result = (tangle_result){0};
    buffer errors = {0};
    buffer_append(&errors, "", 0);
    size_t n_errors = 0;

    chapter *ch = get_chapter(s, slug, strlen(slug));
    if (!ch || !ch->exists) {
        buffer path = {0};
        buffer_printf(&path, "%s/%s/README.md", s->chapters_dir, slug);
        add_error(&errors, &n_errors, path.data, 0,
                  "unknown chapter '%s' (cannot read this file)", slug);
        free(path.data);
        result->errors = errors.data;
        result->n_errors = n_errors;
        return n_errors;
    }
    load_all_chapters(s);
    for (size_t i = 0; i < s->n_chapters; i++) s->chapters[i]->reached = 0;
    if (ch->n_errors) {
        buffer_append(&errors, ch->errors.data, ch->errors.length);
        n_errors += ch->n_errors;
    }

    tangle_file *files = NULL;
    size_t n_files = 0;
    for (size_t k = 0; k < ch->n_chunks && !ch->n_errors; k++) {
        chunk *root = &ch->chunks[k];
        if (!root->is_file) continue;
        expansion e = {.session = s,
                       .line_directives =
                           has_suffix(root->name, ".c") || has_suffix(root->name, ".h"),
                       .errors = &errors,
                       .n_errors = &n_errors};
        buffer_append(&e.out, "", 0);
        expand(&e, ch, root, "", 0);
        files = xrealloc(files, (n_files + 1) * sizeof *files);
        files[n_files++] = (tangle_file){.path = xstrndup(root->name, strlen(root->name)),
                                         .content = e.out.data,
                                         .length = e.out.length};
    }
    /* Mark uses only now: expansion may have read further chapters. */
    mark_uses(s);
    for (size_t k = 0; k < ch->n_chunks && !ch->n_errors; k++)
        if (!ch->chunks[k].is_file && !ch->chunks[k].used)
            add_error(&errors, &n_errors, ch->path, ch->chunks[k].parts[0].fence_line,
                      "chunk <<%s>> is defined but never used", ch->chunks[k].name);
    if (!ch->n_errors && n_files == 0)
        add_error(&errors, &n_errors, ch->path, 0,
                  "no root chunk: nothing to tangle (add a ```c {file=NAME.c} block)");

    /* Every markdown file that contributed: the chapter and those it used. */
    result->sources = xrealloc(NULL, s->n_chapters * sizeof *result->sources);
    result->sources[result->n_sources++] = xstrndup(ch->path, strlen(ch->path));
    for (size_t i = 0; i < s->n_chapters; i++)
        if (s->chapters[i] != ch && s->chapters[i]->reached)
            result->sources[result->n_sources++] =
                xstrndup(s->chapters[i]->path, strlen(s->chapters[i]->path));

    if (n_errors) {
        for (size_t i = 0; i < n_files; i++) {
            free(files[i].path);
            free(files[i].content);
        }
        free(files);
    } else {
        result->files = files;
        result->n_files = n_files;
    }
    result->errors = errors.data;
    result->n_errors = n_errors;
    return n_errors;
}

void tangle_result_free(tangle_result *r) {
    for (size_t i = 0; i < r->n_files; i++) {
        free(r->files[i].path);
        free(r->files[i].content);
    }
    free(r->files);
    for (size_t i = 0; i < r->n_sources; i++) free(r->sources[i]);
    free(r->sources);
    free(r->errors);
    *r = (tangle_result){0};
}

/* ---- writing ------------------------------------------------------------- */

static int make_parents(const char *path, char *err, size_t err_size) {
    char *copy = xstrndup(path, strlen(path));
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            snprintf(err, err_size, "cannot create directory %s: %s", copy, strerror(errno));
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

int tangle_write_if_changed(const char *path, const char *content, size_t length,
                            char *err, size_t err_size) {
    char *old = NULL;
    size_t old_length = 0;
    if (read_file(path, &old, &old_length) == 0) {
        int same = old_length == length && memcmp(old, content, length) == 0;
        free(old);
        if (same) return 0;
    }
    if (make_parents(path, err, err_size) != 0) return -1;
    buffer temp = {0};
    buffer_printf(&temp, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(temp.data, "wb");
    if (!f) {
        snprintf(err, err_size, "cannot write %s: %s", temp.data, strerror(errno));
        free(temp.data);
        return -1;
    }
    int ok = fwrite(content, 1, length, f) == length;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(temp.data, path) != 0) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        remove(temp.data);
        free(temp.data);
        return -1;
    }
    free(temp.data);
    return 1;
}
