/*
 * Power-loss witness for tests/faults/power-loss.test.ts, loaded into the built host with
 * LD_PRELOAD (compiled by the test with gcc, as the bench compiles slow-flush.c).
 *
 * A kill -9 leaves the page cache behind, so a crash test passes even when nothing is ever
 * flushed. What survives a power loss is only what fsync/fdatasync returned for. This shim
 * writes one line per event, in one global order (an atomic sequence number), to the file
 * named by PINGYI_SYNC_TRACE:
 *   <seq> W <fd> <path>   a write to a SQLite file (the database or its -wal)
 *   <seq> S <fd> <path>   an fsync/fdatasync that returned 0 (logged after it returned)
 *   <seq> R <fd> -        bytes read from a socket (a request arriving)
 *   <seq> A <fd> -        bytes written to a socket that carry "receipt" (an acknowledgement)
 * The test then checks that every acknowledgement comes after a synced write of the WAL made
 * after its request arrived, and that no write to the database files is unsynced at that moment.
 * Nothing of the product uses this file.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static unsigned long sequence = 0;
static int trace_fd = -2;
static __thread int inside = 0;

static int trace(void) {
  if (trace_fd == -2) {
    const char *path = getenv("PINGYI_SYNC_TRACE");
    int fd = path ? (int)syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644) : -1;
    /* Keep it out of the low fds the host will use, and never let two threads race the open. */
    int expected = -2;
    if (!__atomic_compare_exchange_n(&trace_fd, &expected, fd, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) && fd >= 0) close(fd);
  }
  return trace_fd;
}

static int is_socket(int fd) {
  struct stat st;
  return fd >= 0 && fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

/* The file behind fd when it is the SQLite database or its WAL; otherwise 0. */
static int sqlite_path(int fd, char *out, size_t size) {
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, out, size - 1);
  if (n <= 0) return 0;
  out[n] = 0;
  size_t len = (size_t)n;
  const char *db = ".sqlite", *wal = ".sqlite-wal";
  if (len >= strlen(wal) && strcmp(out + len - strlen(wal), wal) == 0) return 1;
  if (len >= strlen(db) && strcmp(out + len - strlen(db), db) == 0) return 1;
  return 0;
}

static void emit(char kind, int fd, const char *path) {
  int out = trace();
  if (out < 0) return;
  unsigned long seq = __atomic_add_fetch(&sequence, 1, __ATOMIC_SEQ_CST);
  char line[4200];
  int n = snprintf(line, sizeof line, "%lu %c %d %s\n", seq, kind, fd, path ? path : "-");
  if (n > 0) syscall(SYS_write, out, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1));
}

static void file_write(int fd) {
  char path[4096];
  if (sqlite_path(fd, path, sizeof path)) emit('W', fd, path);
}

static int carries_receipt(const void *buf, size_t len) {
  return buf && len > 0 && memmem(buf, len, "\"receipt\"", 9) != NULL;
}

static void socket_write(int fd, const void *buf, size_t len) {
  if (carries_receipt(buf, len) && is_socket(fd)) emit('A', fd, NULL);
}

static void socket_writev(int fd, const struct iovec *iov, int count) {
  for (int i = 0; i < count; i += 1) {
    if (carries_receipt(iov[i].iov_base, iov[i].iov_len)) {
      if (is_socket(fd)) emit('A', fd, NULL);
      return;
    }
  }
}

#define REAL(name, ret, args) static ret(*real_##name) args = 0; if (!real_##name) real_##name = (ret(*) args)dlsym(RTLD_NEXT, #name)

/* The answer is logged before the bytes leave: an acknowledgement logged is at most as late as the real one. */
ssize_t write(int fd, const void *buf, size_t len) {
  REAL(write, ssize_t, (int, const void *, size_t));
  if (!inside) { inside = 1; file_write(fd); socket_write(fd, buf, len); inside = 0; }
  return real_write(fd, buf, len);
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
  REAL(writev, ssize_t, (int, const struct iovec *, int));
  if (!inside) { inside = 1; file_write(fd); socket_writev(fd, iov, count); inside = 0; }
  return real_writev(fd, iov, count);
}

ssize_t send(int fd, const void *buf, size_t len, int flags) {
  REAL(send, ssize_t, (int, const void *, size_t, int));
  if (!inside) { inside = 1; socket_write(fd, buf, len); inside = 0; }
  return real_send(fd, buf, len, flags);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
  REAL(sendmsg, ssize_t, (int, const struct msghdr *, int));
  if (!inside && msg) { inside = 1; socket_writev(fd, msg->msg_iov, (int)msg->msg_iovlen); inside = 0; }
  return real_sendmsg(fd, msg, flags);
}

/* File writes are logged before they happen too: a sync logged after them really covers them. */
ssize_t pwrite(int fd, const void *buf, size_t len, off_t offset) {
  REAL(pwrite, ssize_t, (int, const void *, size_t, off_t));
  if (!inside) { inside = 1; file_write(fd); inside = 0; }
  return real_pwrite(fd, buf, len, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off_t offset) {
  REAL(pwrite64, ssize_t, (int, const void *, size_t, off_t));
  if (!inside) { inside = 1; file_write(fd); inside = 0; }
  return real_pwrite64(fd, buf, len, offset);
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
  REAL(pwritev, ssize_t, (int, const struct iovec *, int, off_t));
  if (!inside) { inside = 1; file_write(fd); inside = 0; }
  return real_pwritev(fd, iov, count, offset);
}

/* A request's bytes are logged after they arrived. */
ssize_t read(int fd, void *buf, size_t len) {
  REAL(read, ssize_t, (int, void *, size_t));
  ssize_t n = real_read(fd, buf, len);
  if (n > 0 && !inside) { inside = 1; if (is_socket(fd)) emit('R', fd, NULL); inside = 0; }
  return n;
}

ssize_t recv(int fd, void *buf, size_t len, int flags) {
  REAL(recv, ssize_t, (int, void *, size_t, int));
  ssize_t n = real_recv(fd, buf, len, flags);
  if (n > 0 && !inside) { inside = 1; emit('R', fd, NULL); inside = 0; }
  return n;
}

static void synced(int fd) {
  char path[4096];
  if (sqlite_path(fd, path, sizeof path)) emit('S', fd, path);
}

int fsync(int fd) {
  REAL(fsync, int, (int));
  int result = real_fsync(fd);
  if (result == 0 && !inside) { int saved = errno; inside = 1; synced(fd); inside = 0; errno = saved; }
  return result;
}

int fdatasync(int fd) {
  REAL(fdatasync, int, (int));
  int result = real_fdatasync(fd);
  if (result == 0 && !inside) { int saved = errno; inside = 1; synced(fd); inside = 0; errno = saved; }
  return result;
}
