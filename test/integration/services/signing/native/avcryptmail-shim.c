/*
 * A native stand-in for AvCryptMail.dll (x64 model of AvCryptMail.h 2.23.3: AvCmResult 32-bit,
 * AvCmLong 64-bit, AvCmSize size_t, #pragma pack(1) parameter structs) plus GetProcessHeap/HeapFree,
 * compiled by the binding test to check the koffi declarations of avest-library.ts on any system:
 * struct layout, out- and in/out-parameters, the size-query pattern, AVCMF_ALLOC + HeapFree, cp1251
 * error texts. Like the real library it binds a session to the thread that opened it and answers
 * AVCMR_BAD_THREAD otherwise. Test data (certificates, key ids) comes from shim-data.h, generated.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shim-data.h" /* SHIM_CERT_COUNT, shim_certs[], shim_cert_lens[], shim_key_ids[] */

typedef uint32_t AvCmResult;
typedef uint64_t AvCmLong;
typedef size_t AvCmSize;
typedef void *AvCmHandle;

#pragma pack(push, 1)
typedef struct { AvCmLong param_id; const void *param; } AvCmConnectionParam;
typedef struct { AvCmLong param_id; const void *param_spec; const void *param; } AvCmEnumGetParam;
#pragma pack(pop)

#define R(offset) ((AvCmResult)(0xE82A0100u + (offset)))
#define OK 0u
#define BAD_FORMAT R(0x03)
#define BAD_HANDLE R(0x04)
#define BAD_HC R(0x05)
#define BAD_PASSWORD R(0x0B)
#define BUFFER_TOO_SMALL R(0x0C)
#define CERT_NOT_FOUND R(0x0D)
#define ALREADY_INITIALIZED R(0x1E)
#define NOT_INITIALIZED R(0x1F)
#define BAD_FLAGS R(0x21)
#define BAD_THREAD R(0x22)
#define NOT_FOUND R(0x25)
#define USER_NO_AUTH R(0x28)
#define BAD_PARAM R(0x29)

enum { SESSION = 1, ENUMERATION = 2, CERTIFICATE = 3 };
typedef struct { int kind; int index; int auth; pthread_t thread; } Obj;

static int initialized;
static long open_handles, heap_blocks, password_seen, login_delay_ms;
static AvCmLong owner_window;
static AvCmResult fail_next_sign;
static int heap_token;

static Obj *make(int kind, int index, int auth, pthread_t thread) {
  Obj *o = calloc(1, sizeof(Obj));
  o->kind = kind; o->index = index; o->auth = auth; o->thread = thread;
  open_handles++;
  return o;
}
static int same_thread(const Obj *o) { return pthread_equal(o->thread, pthread_self()); }
static AvCmResult copy_out(const void *value, size_t len, void *out, AvCmSize *size) {
  if (out == NULL) { *size = len; return OK; }
  if (*size < len) { *size = len; return BUFFER_TOO_SMALL; }
  memcpy(out, value, len); *size = len; return OK;
}

AvCmResult AvCmInit(AvCmLong flags) {
  if (flags & 1) { if (initialized) return ALREADY_INITIALIZED; initialized = 1; return OK; }
  if (flags & 2) { if (!initialized) return NOT_INITIALIZED; initialized = 0; return OK; }
  return BAD_FLAGS;
}

AvCmResult AvCmLogin(AvCmSize count, const AvCmConnectionParam *params, AvCmHandle *hc, AvCmLong flags) {
  int key = 0;
  if (!initialized) return NOT_INITIALIZED;
  if (count > 0 && params == NULL) return BAD_PARAM;
  for (AvCmSize i = 0; i < count; i++) {
    if (params[i].param_id == 0x100F) {
      key = -1;
      for (int k = 0; k < SHIM_CERT_COUNT; k++) if (strcmp((const char *)params[i].param, shim_key_ids[k]) == 0) key = k;
      if (key < 0) return CERT_NOT_FOUND;
    } else if (params[i].param_id == 0x1030) {
      password_seen++;
    } else {
      return BAD_PARAM;
    }
  }
  int auth = !(flags & 0x4);
  if (auth && login_delay_ms > 0) { /* the user in the PIN dialog */
    struct timespec t = { login_delay_ms / 1000, (login_delay_ms % 1000) * 1000000L };
    nanosleep(&t, NULL);
  }
  *hc = make(SESSION, key, auth, pthread_self());
  return OK;
}

AvCmResult AvCmLogout(AvCmHandle hc, AvCmLong flags) {
  Obj *s = hc; (void)flags;
  if (!s || s->kind != SESSION) return BAD_HC;
  if (!same_thread(s)) return BAD_THREAD;
  free(s); open_handles--;
  return OK;
}

AvCmResult AvCmGetObjectInfo(AvCmHandle h, AvCmLong param_id, void *out, AvCmSize *size, AvCmLong flags) {
  Obj *s = h; (void)flags;
  if (!s || s->kind != SESSION) return BAD_HANDLE;
  if (!same_thread(s)) return BAD_THREAD;
  if (param_id != 0x8) return BAD_PARAM;
  if (!s->auth) return USER_NO_AUTH;
  if (*size < sizeof(void *)) { *size = sizeof(void *); return BUFFER_TOO_SMALL; }
  *(AvCmHandle *)out = make(CERTIFICATE, s->index, 1, s->thread);
  *size = sizeof(void *);
  return OK;
}

AvCmResult AvCmOpenCertEnum(AvCmHandle hc, AvCmSize count, const AvCmEnumGetParam *params, AvCmHandle *henum, AvCmLong flags) {
  Obj *s = hc; (void)flags;
  if (!s || s->kind != SESSION) return BAD_HC;
  if (!same_thread(s)) return BAD_THREAD;
  if (count != 1 || params[0].param_id != 0x26 || params[0].param_spec != NULL) return BAD_PARAM;
  if (*(const uint32_t *)params[0].param != 0x10E) return BAD_PARAM;
  *henum = make(ENUMERATION, -1, 0, s->thread);
  return OK;
}

AvCmResult AvCmEnumGet(AvCmHandle henum, AvCmHandle *handle, AvCmLong flags) {
  Obj *e = henum;
  if (!e || e->kind != ENUMERATION) return BAD_HANDLE;
  if (!same_thread(e)) return BAD_THREAD;
  if (flags & 0x80) e->index = 0; else if (flags & 0x40) e->index++; else return BAD_FLAGS;
  if (e->index >= SHIM_CERT_COUNT) return NOT_FOUND;
  *handle = make(CERTIFICATE, e->index, 0, e->thread);
  return OK;
}

AvCmResult AvCmGetCertAttr(AvCmHandle h, AvCmLong attr, const void *param, void *out, AvCmSize *size, AvCmLong flags) {
  Obj *c = h; (void)param; (void)flags;
  if (!c || c->kind != CERTIFICATE) return BAD_HANDLE;
  if (!same_thread(c)) return BAD_THREAD;
  if (attr == 0x2D) return copy_out(shim_certs[c->index], shim_cert_lens[c->index], out, size);
  if (attr == 0x100F) return copy_out(shim_key_ids[c->index], strlen(shim_key_ids[c->index]) + 1, out, size);
  return BAD_PARAM;
}

/* Output (AVCMF_ALLOC): 30 <key index> <input reversed> in a malloc'ed block. */
AvCmResult AvCmSign(AvCmHandle hc, const void *input, AvCmSize input_size, void *out, AvCmSize *out_size, AvCmLong flags) {
  Obj *s = hc;
  if (!s || s->kind != SESSION) return BAD_HC;
  if (!same_thread(s)) return BAD_THREAD;
  if (!s->auth) return USER_NO_AUTH;
  if (fail_next_sign) { AvCmResult r = fail_next_sign; fail_next_sign = 0; return r; }
  if ((flags & 0x3100100) != 0x3100100) return BAD_FLAGS; /* ALLOC | DETACHED | ADD_SIGN_CERT | IN_RAW_DATA */
  unsigned char *block = malloc(input_size + 2);
  block[0] = 0x30; block[1] = (unsigned char)s->index;
  for (AvCmSize i = 0; i < input_size; i++) block[2 + i] = ((const unsigned char *)input)[input_size - 1 - i];
  *(void **)out = block; *out_size = input_size + 2;
  heap_blocks++;
  return OK;
}

AvCmResult AvCmCloseHandle(AvCmHandle h, AvCmLong flags) {
  Obj *o = h; (void)flags;
  if (!o || (o->kind != ENUMERATION && o->kind != CERTIFICATE)) return BAD_HANDLE;
  if (!same_thread(o)) return BAD_THREAD;
  free(o); open_handles--;
  return OK;
}

/* «Пароль неверен» in cp1251, NUL-terminated. */
static const unsigned char BAD_PASSWORD_TEXT[] = {0xCF,0xE0,0xF0,0xEE,0xEB,0xFC,0x20,0xED,0xE5,0xE2,0xE5,0xF0,0xE5,0xED,0x00};

AvCmResult AvCmGetErrorInfo(AvCmHandle hc, AvCmResult code, AvCmLong param_id, void *out, AvCmSize *size, AvCmLong flags) {
  (void)hc; (void)flags;
  if (param_id != 0x1 || code != BAD_PASSWORD) return BAD_PARAM;
  return copy_out(BAD_PASSWORD_TEXT, sizeof BAD_PASSWORD_TEXT, out, size);
}

AvCmResult AvCmSetActiveWindow(AvCmLong hwnd, AvCmLong flags) { (void)flags; owner_window = hwnd; return OK; }

void *GetProcessHeap(void) { return &heap_token; }
int HeapFree(void *heap, uint32_t flags, void *memory) {
  (void)flags;
  if (heap != &heap_token || memory == NULL) return 0;
  free(memory); heap_blocks--;
  return 1;
}

/* Test controls. */
void ShimConfigure(long delay_ms, AvCmResult sign_failure) { login_delay_ms = delay_ms; fail_next_sign = sign_failure; }
void ShimStats(int64_t out[5]) {
  out[0] = open_handles; out[1] = heap_blocks; out[2] = initialized; out[3] = password_seen; out[4] = (int64_t)owner_window;
}
