/*
 * A power cut for tests/faults/power-cut.test.ts, loaded into the built host with LD_PRELOAD
 * (compiled by the test with gcc). Every write to the SQLite database or its -wal first saves
 * the bytes it overwrites (and the file's size); a completed fsync/fdatasync of that file
 * forgets them, since those bytes are now on the disk. On SIGUSR2 the shim puts every saved
 * range back, newest first, truncates files to their synced size and exits at once: what is
 * left on disk is exactly what the syncs made durable, as after a power loss (a kill -9 keeps
 * the page cache, and so the unsynced writes).
 * Nothing of the product uses this file.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

struct saved {
  int fd; /* -1 once a sync made it durable */
  off_t offset;
  size_t length; /* bytes of `old` (the part of the range that existed before) */
  off_t size_before;
  char *old;
};

#define MAX_SAVED 400000
static struct saved saved[MAX_SAVED];
static long count = 0;
static int handler_installed = 0;
static __thread int inside = 0;

static void power_cut(int sig) {
  (void)sig;
  long n = __atomic_load_n(&count, __ATOMIC_ACQUIRE);
  for (long i = n - 1; i >= 0; i -= 1) {
    struct saved *s = &saved[i];
    if (s->fd < 0) continue;
    if (s->length > 0) syscall(SYS_pwrite64, s->fd, s->old, s->length, s->offset);
    syscall(SYS_ftruncate, s->fd, s->size_before);
  }
  syscall(SYS_exit_group, 137);
}

static void install(void) {
  /* Lazily: Node resets signal dispositions while it starts. */
  if (__atomic_exchange_n(&handler_installed, 1, __ATOMIC_SEQ_CST)) return;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = power_cut;
  sigfillset(&action.sa_mask);
  sigaction(SIGUSR2, &action, NULL);
}

static int is_sqlite(int fd) {
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = 0;
  size_t len = (size_t)n;
  const char *db = ".sqlite", *wal = ".sqlite-wal";
  return (len >= strlen(wal) && strcmp(path + len - strlen(wal), wal) == 0) || (len >= strlen(db) && strcmp(path + len - strlen(db), db) == 0);
}

/* Saves what a write of `length` bytes at `offset` is about to overwrite. */
static void save(int fd, off_t offset, size_t length) {
  if (inside || !is_sqlite(fd)) return;
  inside = 1;
  install();
  struct stat st;
  if (fstat(fd, &st) == 0) {
    long i = __atomic_load_n(&count, __ATOMIC_ACQUIRE);
    if (i >= MAX_SAVED) abort(); /* the test must fail loudly rather than cut power wrongly */
    struct saved *s = &saved[i];
    s->fd = fd;
    s->offset = offset;
    s->size_before = st.st_size;
    s->length = offset >= st.st_size ? 0 : (size_t)(st.st_size - offset) < length ? (size_t)(st.st_size - offset) : length;
    s->old = s->length > 0 ? malloc(s->length) : NULL;
    if (s->length > 0) syscall(SYS_pread64, fd, s->old, s->length, offset);
    __atomic_store_n(&count, i + 1, __ATOMIC_RELEASE);
  }
  inside = 0;
}

static void durable(int fd) {
  long n = __atomic_load_n(&count, __ATOMIC_ACQUIRE);
  for (long i = 0; i < n; i += 1) {
    if (saved[i].fd == fd) __atomic_store_n(&saved[i].fd, -1, __ATOMIC_RELEASE);
  }
}

#define REAL(name, ret, args) static ret(*real_##name) args = 0; if (!real_##name) real_##name = (ret(*) args)dlsym(RTLD_NEXT, #name)

static size_t total(const struct iovec *iov, int count_) {
  size_t n = 0;
  for (int i = 0; i < count_; i += 1) n += iov[i].iov_len;
  return n;
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t offset) {
  REAL(pwrite, ssize_t, (int, const void *, size_t, off_t));
  save(fd, offset, len);
  return real_pwrite(fd, buf, len, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off_t offset) {
  REAL(pwrite64, ssize_t, (int, const void *, size_t, off_t));
  save(fd, offset, len);
  return real_pwrite64(fd, buf, len, offset);
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t offset) {
  REAL(pwritev, ssize_t, (int, const struct iovec *, int, off_t));
  save(fd, offset, total(iov, n));
  return real_pwritev(fd, iov, n, offset);
}

ssize_t write(int fd, const void *buf, size_t len) {
  REAL(write, ssize_t, (int, const void *, size_t));
  if (!inside && is_sqlite(fd)) save(fd, lseek(fd, 0, SEEK_CUR), len);
  return real_write(fd, buf, len);
}

int ftruncate(int fd, off_t length) {
  REAL(ftruncate, int, (int, off_t));
  /* A shrink loses bytes past `length`: save them so the cut can bring them back. */
  struct stat st;
  if (!inside && fstat(fd, &st) == 0 && st.st_size > length) save(fd, length, (size_t)(st.st_size - length));
  return real_ftruncate(fd, length);
}

/* A closed fd may be reused for another file: its saved ranges can no longer be put back. */
int close(int fd) {
  REAL(close, int, (int));
  durable(fd);
  return real_close(fd);
}

int fsync(int fd) {
  REAL(fsync, int, (int));
  int result = real_fsync(fd);
  if (result == 0) durable(fd);
  return result;
}

int fdatasync(int fd) {
  REAL(fdatasync, int, (int));
  int result = real_fdatasync(fd);
  if (result == 0) durable(fd);
  return result;
}
