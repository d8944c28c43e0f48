; 填报 Tianbao installer: a pynsist template (pynsist fills in the double-bracket fields), compiled by
; makensis -XTarget amd64-unicode -INPUTCHARSET UTF8.
;
; Per user, no administrator rights: everything goes under %LOCALAPPDATA%\Programs\Tianbao and
; HKEY_CURRENT_USER, so locked-down office PCs can install it. The uninstaller removes exactly
; what this installer wrote; documents, settings and backups are the user's and stay.

!define PRODUCT_NAME "Tianbao"
!define PRODUCT_NAME_ZH "填报"
!define PRODUCT_VERSION "[[ib.version]]"
!define PRODUCT_PUBLISHER "Tianbao 填报"
!define PRODUCT_ICON "[[icon]]"
!define LAUNCHER "tianbao.pyw"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Tianbao"
!define PROGID "Tianbao.Document"
!define SHORTCUT "${PRODUCT_NAME_ZH}.lnk"

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Tianbao"
Name "${PRODUCT_NAME_ZH} ${PRODUCT_VERSION}"
OutFile "[[ib.installer_name]]"
BrandingText "${PRODUCT_NAME_ZH} ${PRODUCT_VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "[[ib.version]].0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT_NAME_ZH} ${PRODUCT_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${PRODUCT_VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${PRODUCT_VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT_NAME_ZH} 安装程序"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${PRODUCT_ICON}"
!define MUI_UNICON "${PRODUCT_ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION LaunchApp
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${PRODUCT_NAME_ZH}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function LaunchApp
  ExecShell "" "$INSTDIR\Python\pythonw.exe" '"$INSTDIR\${LAUNCHER}"'
FunctionEnd

; Shell notification that file associations changed (SHCNE_ASSOCCHANGED).
!macro NotifyAssociations
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

Section "${PRODUCT_NAME_ZH}" sec_app
  SectionIn RO
  SetShellVarContext current

  ; An upgrade replaces the program wholesale, so files a newer version dropped do not linger.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\pkgs"

  SetOutPath "$INSTDIR"
  File "${PRODUCT_ICON}"
  File "${LAUNCHER}"
  SetOutPath "$INSTDIR\Python"
  File /r "Python\*.*"
  SetOutPath "$INSTDIR\pkgs"
  File /r "pkgs\*.*"
  SetOutPath "$INSTDIR"

  DetailPrint "正在编译 Python 模块……"
  nsExec::ExecToLog '"$INSTDIR\Python\python.exe" -m compileall -q "$INSTDIR\pkgs"'
  Pop $0

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts start in the user's Documents folder, where reports usually live.
  SetOutPath "$DOCUMENTS"
  CreateShortCut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\Python\pythonw.exe" '"$INSTDIR\${LAUNCHER}"' \
    "$INSTDIR\${PRODUCT_ICON}" 0 SW_SHOWNORMAL "" "${PRODUCT_NAME_ZH}：述职报告、工作总结编辑器"
  CreateShortCut "$DESKTOP\${SHORTCUT}" "$INSTDIR\Python\pythonw.exe" '"$INSTDIR\${LAUNCHER}"' \
    "$INSTDIR\${PRODUCT_ICON}" 0 SW_SHOWNORMAL "" "${PRODUCT_NAME_ZH}：述职报告、工作总结编辑器"
  SetOutPath "$INSTDIR"

  ; "Open with" for .docx and .txt: a ProgID listed under OpenWithProgids adds 填报 to the menu
  ; without taking the default away from Word, WPS or Notepad.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${PRODUCT_NAME_ZH} 报告"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${PRODUCT_ICON}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "FriendlyAppName" "${PRODUCT_NAME_ZH}"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" \
    '"$INSTDIR\Python\pythonw.exe" "$INSTDIR\${LAUNCHER}" "%1"'
  WriteRegNone HKCU "Software\Classes\.docx\OpenWithProgids" "${PROGID}"
  WriteRegNone HKCU "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
  !insertmacro NotifyAssociations

  ; Apps & Features (设置 › 应用) entry.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME_ZH} ${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${PRODUCT_VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${PRODUCT_ICON}"'
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PRODUCT_PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current

  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"

  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.docx\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.docx\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.docx"
  DeleteRegValue HKCU "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.txt\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.txt"
  !insertmacro NotifyAssociations

  ; Only what the installer put there (plus the byte code compiled at install time, inside
  ; pkgs and Python); the folder itself goes only if nothing else was left in it.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\pkgs"
  Delete "$INSTDIR\${PRODUCT_ICON}"
  Delete "$INSTDIR\${LAUNCHER}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  RMDir "$LOCALAPPDATA\Programs"  ; created by the install if it was missing; kept when not empty

  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
