/*
 * A laptop disk for the benchmark: loaded with LD_PRELOAD, it makes every fsync and fdatasync
 * wait PINGYI_FLUSH_DELAY_MS milliseconds (a consumer SSD or a spinning disk flushes in 3-20 ms)
 * before doing the real flush. `npm run bench -- --flush-delay-ms N` compiles it with gcc and
 * runs the ballot load and the floor under it. Nothing of the product uses this file.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void delay(void) {
  const char *text = getenv("PINGYI_FLUSH_DELAY_MS");
  double ms = text ? atof(text) : 0;
  if (ms <= 0) return;
  struct timespec wait = { (time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6) };
  nanosleep(&wait, NULL);
}

int fsync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  delay();
  return real(fd);
}

int fdatasync(int fd) {
  static int (*real)(int) = 0;
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  delay();
  return real(fd);
}
