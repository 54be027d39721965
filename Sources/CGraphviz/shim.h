#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects cgraph's mutable globals and cannot import its
   function-like macros; these accessors expose them as functions. */

static inline Agdesc_t rg_agdirected(void) { return Agdirected; }
static inline Agdesc_t rg_agundirected(void) { return Agundirected; }
static inline Agdesc_t rg_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t rg_agstrictundirected(void) { return Agstrictundirected; }

/* Creation sequence number of a graph, node or edge (file order). */
static inline unsigned long rg_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }
static inline Agnode_t *rg_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *rg_aghead(Agedge_t *e) { return aghead(e); }

/* Graphviz's messages during a job, captured from C's `stderr` for the one
   thread running the job (see MessageSink in GraphvizGate.swift). cgraph formats
   a message right only when it writes it to `stderr` itself; another thread's
   writes during the job go on to file descriptor 2 unchanged. */
typedef struct {
    pthread_t owner;     /* the thread whose writes are kept; read by every writer: atomic */
    int capturing;       /* the same */
    char *text;
    size_t length;
    size_t capacity;
} rg_capture;

static inline long rg_capture_write(void *cookie, const char *bytes, unsigned long size) {
    rg_capture *capture = (rg_capture *)cookie;
    if (__atomic_load_n(&capture->capturing, __ATOMIC_ACQUIRE)
        && pthread_equal(__atomic_load_n(&capture->owner, __ATOMIC_RELAXED), pthread_self())) {
        if (capture->length + size > capture->capacity) {
            size_t capacity = capture->capacity ? capture->capacity : 4096;
            while (capacity < capture->length + size) capacity *= 2;
            char *grown = (char *)realloc(capture->text, capacity);
            if (!grown) return -1;
            capture->text = grown;
            capture->capacity = capacity;
        }
        memcpy(capture->text + capture->length, bytes, size);
        capture->length += size;
        return (long)size;
    }
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(2, bytes + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return done ? (long)done : -1;
        done += (size_t)n;
    }
    return (long)size;
}

/* glibc's cookie_io_functions_t and fopencookie, declared here because Swift's
   Glibc module leaves out the GNU extensions. */
typedef struct {
    void *read;
    long (*write)(void *, const char *, unsigned long);
    void *seek;
    void *close;
} rg_cookie_io;
extern FILE *rg_fopencookie(void *cookie, const char *mode, rg_cookie_io io) __asm__("fopencookie");

/* An unbuffered stream into `capture` (every write reaches it in the writer's
   own thread); NULL if none can be made. Never closed: another thread may still
   hold it after the job. */
static inline FILE *rg_capture_stream(rg_capture *capture) {
    rg_cookie_io io = { 0, rg_capture_write, 0, 0 };
    FILE *stream = rg_fopencookie(capture, "w", io);
    if (stream) setvbuf(stream, NULL, _IONBF, 0);
    return stream;
}

/* Starts keeping this thread's writes to `stderr`; returns the stream it replaces. */
static inline FILE *rg_capture_begin(rg_capture *capture, FILE *stream) {
    __atomic_store_n(&capture->owner, pthread_self(), __ATOMIC_RELAXED);
    capture->length = 0;
    __atomic_store_n(&capture->capturing, 1, __ATOMIC_RELEASE);
    FILE *previous = stderr;
    stderr = stream;
    return previous;
}

static inline void rg_capture_end(rg_capture *capture, FILE *previous) {
    stderr = previous;
    __atomic_store_n(&capture->capturing, 0, __ATOMIC_RELEASE);
}

#endif
