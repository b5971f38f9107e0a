/* jmake-client: the framing of docs/SERVER-PROTOCOL.md (little-endian header and body) and sending with SCM_RIGHTS. */
#define _GNU_SOURCE
#include "jmake-client.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

_Noreturn void out_of_memory(void) {
    static const char text[] = "jmake: *** virtual memory exhausted.  Stop.\n";
    ssize_t ignored = write(STDERR_FILENO, text, sizeof text - 1);
    (void)ignored;
    exit(2);
}

void *xmalloc(size_t size) {
    void *p = malloc(size == 0 ? 1 : size);
    if (p == NULL) {
        out_of_memory();
    }
    return p;
}

void *xrealloc(void *p, size_t size) {
    void *q = realloc(p, size == 0 ? 1 : size);
    if (q == NULL) {
        out_of_memory();
    }
    return q;
}

static unsigned char *buffer_grow(struct buffer *b, size_t more) {
    if (b->cap - b->len < more) {
        size_t cap = b->cap < 256 ? 256 : b->cap;
        while (cap - b->len < more) {
            cap *= 2;
        }
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    unsigned char *at = b->data + b->len;
    b->len += more;
    return at;
}

void buffer_bytes(struct buffer *b, const void *bytes, size_t len) {
    memcpy(buffer_grow(b, len), bytes, len);
}

static void put_u32(unsigned char *at, uint32_t value) {
    at[0] = (unsigned char)value;
    at[1] = (unsigned char)(value >> 8);
    at[2] = (unsigned char)(value >> 16);
    at[3] = (unsigned char)(value >> 24);
}

void buffer_u32(struct buffer *b, uint32_t value) {
    put_u32(buffer_grow(b, 4), value);
}

void buffer_i32(struct buffer *b, int32_t value) {
    buffer_u32(b, (uint32_t)value);
}

void buffer_string(struct buffer *b, const char *s, size_t len) {
    buffer_u32(b, (uint32_t)len);
    memcpy(buffer_grow(b, len), s, len);
}

void buffer_begin(struct buffer *b, uint16_t type, uint16_t nfds) {
    b->len = 0;
    unsigned char *header = buffer_grow(b, HEADER_SIZE);
    put_u32(header, 0);
    header[4] = (unsigned char)type;
    header[5] = (unsigned char)(type >> 8);
    header[6] = (unsigned char)nfds;
    header[7] = (unsigned char)(nfds >> 8);
}

uint32_t read_u32(struct reader *r) {
    if (r->left < 4) {
        r->bad = true;
        r->left = 0;
        return 0;
    }
    const unsigned char *p = r->p;
    r->p += 4;
    r->left -= 4;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int32_t read_i32(struct reader *r) {
    return (int32_t)read_u32(r);
}

uint8_t read_u8(struct reader *r) {
    if (r->left < 1) {
        r->bad = true;
        return 0;
    }
    r->left--;
    return *r->p++;
}

char *read_string(struct reader *r, bool *has_nul) {
    uint32_t len = read_u32(r);
    if (r->bad || r->left < len) {
        r->bad = true;
        r->left = 0;
        return NULL;
    }
    char *s = xmalloc((size_t)len + 1);
    memcpy(s, r->p, len);
    s[len] = '\0';
    if (memchr(s, '\0', len) != NULL) {
        *has_nul = true;
    }
    r->p += len;
    r->left -= len;
    return s;
}

void hold_message(struct buffer *held, struct buffer *b) {
    put_u32(b->data, (uint32_t)(b->len - HEADER_SIZE));
    memcpy(buffer_grow(held, b->len), b->data, b->len);
}

int send_held(int sock, struct buffer *held) {
    size_t sent = 0;
    while (sent < held->len) {
        ssize_t n = send(sock, held->data + sent, held->len - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return -1;
        }
        sent += (size_t)n;
    }
    held->len = 0;
    return 0;
}

int send_message(int sock, struct buffer *b, const int *fds, size_t nfds) {
    if (nfds > MAX_MESSAGE_FDS) {
        errno = EINVAL;
        return -1;
    }
    put_u32(b->data, (uint32_t)(b->len - HEADER_SIZE));
    union {
        struct cmsghdr align;
        char space[CMSG_SPACE(sizeof(int) * MAX_MESSAGE_FDS)];
    } control;
    size_t sent = 0;
    while (sent < b->len) {
        struct iovec iov = {.iov_base = b->data + sent, .iov_len = b->len - sent};
        struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
        if (sent == 0 && nfds > 0) {
            memset(&control, 0, sizeof control);
            msg.msg_control = control.space;
            msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
            struct cmsghdr *cmsg = &control.align; /* CMSG_FIRSTHDR of this msg */
            cmsg->cmsg_level = SOL_SOCKET;
            cmsg->cmsg_type = SCM_RIGHTS;
            cmsg->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
            memcpy(CMSG_DATA(cmsg), fds, sizeof(int) * nfds);
        }
        ssize_t n = sendmsg(sock, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return -1;
        }
        sent += (size_t)n;
    }
    return 0;
}

/* Copies one string of R into OUT; false if R is short. */
bool copy_string(struct reader *r, struct buffer *out) {
    uint32_t len = read_u32(r);
    if (r->bad || r->left < len) {
        r->bad = true;
        return false;
    }
    buffer_string(out, (const char *)r->p, len);
    r->p += len;
    r->left -= len;
    return true;
}

bool copy_strings(struct reader *r, struct buffer *out) {
    uint32_t n = read_u32(r);
    if (r->bad || n > r->left / 4) {
        return false;
    }
    buffer_u32(out, n);
    for (uint32_t i = 0; i < n; i++) {
        if (!copy_string(r, out)) {
            return false;
        }
    }
    return true;
}
