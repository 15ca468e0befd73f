/* inject.c - make one library call fail, for scripts/faults.sh.
 *
 * Loaded with LD_PRELOAD into a program under test, it lets every call
 * through except the one named by the environment:
 *
 *   NNFP_FAIL=fsync        the first fsync fails (EIO)
 *   NNFP_FAIL=rename:2     the second rename fails (EIO)
 *
 * Calls that can fail this way: fopen and fdopen for writing (ENOSPC),
 * mkstemp (ENOSPC), fsync (EIO), fclose (EIO, after really closing) and
 * rename (EIO). A program that writes its files safely reports the failure,
 * exits non-zero and leaves the previous file as it was. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counts calls to `name`; returns 1 when this one is to fail. */
static int should_fail(const char *name) {
    static unsigned long counts[8];
    static const char *const names[8] = {"fopen", "fdopen", "mkstemp", "fsync",
                                         "fclose", "rename", NULL, NULL};
    const char *spec = getenv("NNFP_FAIL");
    if (spec == NULL) return 0;
    size_t length = strcspn(spec, ":");
    if (strlen(name) != length || strncmp(spec, name, length) != 0) return 0;
    unsigned long which = spec[length] == ':' ? strtoul(spec + length + 1, NULL, 10) : 1;
    for (size_t i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], name) == 0) return ++counts[i] == which;
    return 0;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static int writes(const char *mode) { return strpbrk(mode, "wa+") != NULL; }

FILE *fopen(const char *path, const char *mode) {
    if (writes(mode) && should_fail("fopen")) {
        errno = ENOSPC;
        return NULL;
    }
    return REAL(fopen)(path, mode);
}

FILE *fdopen(int fd, const char *mode) {
    if (writes(mode) && should_fail("fdopen")) {
        errno = ENOSPC;
        return NULL;
    }
    return REAL(fdopen)(fd, mode);
}

int mkstemp(char *template) {
    if (should_fail("mkstemp")) {
        errno = ENOSPC;
        return -1;
    }
    return REAL(mkstemp)(template);
}

int fsync(int fd) {
    if (should_fail("fsync")) {
        errno = EIO;
        return -1;
    }
    return REAL(fsync)(fd);
}

int fclose(FILE *file) {
    int status = REAL(fclose)(file);
    if (status == 0 && should_fail("fclose")) {
        errno = EIO;
        return EOF;
    }
    return status;
}

int rename(const char *from, const char *to) {
    if (should_fail("rename")) {
        errno = EIO;
        return -1;
    }
    return REAL(rename)(from, to);
}
