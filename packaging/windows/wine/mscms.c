/* Stand-in for mscms.dll, for testing under Wine ONLY (never shipped).
 *
 * Qt's Windows platform plugin (qwindows.dll) imports WcsCreateIccProfile, which Wine 8's own
 * mscms lacks, so a real window could not open. Qt asks for the screen's colour profile and
 * carries on without one, so every function here answers "no profile".
 */
#include <stddef.h>

__declspec(dllexport) void *OpenColorProfileW(void *profile, unsigned access, unsigned share, unsigned creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    return NULL;
}

__declspec(dllexport) int CloseColorProfile(void *profile) { (void)profile; return 1; }

__declspec(dllexport) int GetColorProfileFromHandle(void *profile, unsigned char *buffer, unsigned *size)
{
    (void)profile; (void)buffer; (void)size;
    return 0;
}

__declspec(dllexport) void *WcsCreateIccProfile(void *color_profile, unsigned long options)
{
    (void)color_profile; (void)options;
    return NULL;
}
