/* Stand-in for Windows' own icuuc.dll, for testing under Wine ONLY (never shipped).
 *
 * Qt6Core.dll from PySide6 >= 6.10 imports the ICU that Windows 10 1703 and later carry in
 * system32; Wine 8 has none, so Qt6Core would not load at all. Qt uses these converters only
 * for legacy codecs the app never asks Qt for (it decodes text in Python), so "no converter"
 * is an honest answer: ucnv_open fails with U_FILE_ACCESS_ERROR and Qt falls back.
 * The x64 calling convention lets one no-op body serve every signature.
 */
#include <stddef.h>

#define STUB(name) __declspec(dllexport) void *name(void) { return NULL; }

__declspec(dllexport) void *ucnv_open(const char *name, int *error)
{
    (void)name;
    if (error != NULL && *error <= 0)
        *error = 4; /* U_FILE_ACCESS_ERROR */
    return NULL;
}

__declspec(dllexport) int ucnv_countAvailable(void) { return 0; }

STUB(ucnv_close)
STUB(ucnv_reset)
STUB(ucnv_getMaxCharSize)
STUB(ucnv_getName)
STUB(ucnv_getStandardName)
STUB(ucnv_getAvailableName)
STUB(ucnv_getToUCallBack)
STUB(ucnv_getFromUCallBack)
STUB(ucnv_setToUCallBack)
STUB(ucnv_setFromUCallBack)
STUB(ucnv_cbToUWriteUChars)
STUB(ucnv_cbFromUWriteUChars)
STUB(ucnv_toUCountPending)
STUB(ucnv_fromUCountPending)
STUB(ucnv_toUnicode)
STUB(ucnv_fromUnicode)
STUB(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
STUB(UCNV_TO_U_CALLBACK_SUBSTITUTE)
