/* libFuzzer target: the tangler's markdown parser and chunk expansion.
 * The input is up to three chapters' text separated by NUL bytes, named
 * 01-a, 02-b and 03-c, so qualified references between them are reached. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tangle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const slugs[] = {"01-a", "02-b", "03-c"};
    tangle_session *session = tangle_session_new("/nonexistent-fuzz-chapters");
    const char *text = (const char *)data;
    size_t remaining = size;
    for (size_t i = 0; i < 3; i++) {
        const char *nul = memchr(text, '\0', remaining);
        size_t length = nul ? (size_t)(nul - text) : remaining;
        tangle_session_add_text(session, slugs[i], text, length);
        if (!nul) break;
        remaining -= length + 1;
        text = nul + 1;
    }
    for (size_t i = 0; i < 3; i++) {
        tangle_result result;
        tangle_chapter(session, slugs[i], &result);
        tangle_result_free(&result);
    }
    tangle_session_free(session);
    return 0;
}
