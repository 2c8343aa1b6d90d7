; Kumppani's Windows installer: NSIS 3, Modern UI 2, Unicode.
;
; Compiled by installer/nsis.py (python installer/nsis.py --payload dist/kumppani --out dist),
; which passes these defines (-D on Linux, /D or -D on Windows):
;   VERSION      the program's version, e.g. 0.1.0 (pyproject.toml [project] version)
;   VIVERSION    the same as X.X.X.X for Windows' version resource (optional: VERSION.0)
;   PAYLOAD      PyInstaller's one-folder output: kumppani.exe and its files
;   OUTFILE      the setup .exe to write (optional: Kumppani-VERSION-setup.exe)
;   PUBLISHER, DESCRIPTION, HOMEPAGE (HOMEPAGE may be empty)
;
; The user's data is NEVER touched, neither by the installer nor by the uninstaller: the
; database, settings, logs and backups live in %LOCALAPPDATA%\Kumppani (and %APPDATA%\Kumppani),
; or, in portable mode, in KumppaniData beside kumppani.exe. Removing the program keeps them, so
; a reinstall or an upgrade finds the register as it was left. The installer refuses to install
; into those folders, and into a folder holding anything other than an earlier Kumppani, so that
; the uninstaller may empty the program folder.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma
SetCompressorDictSize 32

;--------------------------------
; Defines

!ifndef VERSION
  !error "VERSION is not defined: run installer/nsis.py, or makensis -DVERSION=... -DPAYLOAD=..."
!endif
!ifndef PAYLOAD
  !error "PAYLOAD (PyInstaller's dist/kumppani folder) is not defined"
!endif
!ifndef VIVERSION
  !define VIVERSION "${VERSION}.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "Kumppani-${VERSION}-setup.exe"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "Kumppani developers"
!endif
!ifndef DESCRIPTION
  !define DESCRIPTION "Kumppani"
!endif
!ifndef HOMEPAGE
  !define HOMEPAGE ""
!endif

!define APP_NAME "Kumppani"
!define APP_EXE "kumppani.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
; The installer's own state (the install folder, the installer's language), machine-wide.
; The program keeps no settings in the registry.
!define INSTALLER_KEY "Software\${APP_NAME}"
; Portable mode's data folder and marker beside kumppani.exe (desktop/paths.py): never removed.
!define PORTABLE_DATA "KumppaniData"
!define PORTABLE_MARKER "portable.txt"

; An icon in the payload is used for the installer, the shortcuts and Add/Remove Programs;
; otherwise NSIS' default installer icon and kumppani.exe's own icon.
!if /FileExists "${PAYLOAD}\kumppani.ico"
  !define MUI_ICON "${PAYLOAD}\kumppani.ico"
  !define MUI_UNICON "${PAYLOAD}\kumppani.ico"
  !define APP_ICON "$INSTDIR\kumppani.ico"
!else
  !define APP_ICON "$INSTDIR\${APP_EXE}"
!endif

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

;--------------------------------
; Interface

!define MUI_ABORTWARNING
; The language dialog: remembered for upgrades and for the uninstaller, shown every time.
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_ALWAYSSHOW
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${INSTALLER_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_WINDOWTITLE "Kieli / Språk / Language"
!define MUI_LANGDLL_INFO "Valitse asennusohjelman kieli.$\r$\nVälj installationsprogrammets språk.$\r$\nPlease select the installer's language."

;--------------------------------
; Pages

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
; No "run Kumppani now": the installer runs elevated, and the program would start as the
; administrator (and make its data folder in the administrator's profile).
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnConfirmText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UnFinishText)"
!insertmacro MUI_UNPAGE_FINISH

;--------------------------------
; Languages: Finnish first (the default when Windows' language is none of the three)

!insertmacro MUI_LANGUAGE "Finnish"
!insertmacro MUI_LANGUAGE "Swedish"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecAppName ${LANG_FINNISH} "Kumppani"
LangString SecAppName ${LANG_SWEDISH} "Kumppani"
LangString SecAppName ${LANG_ENGLISH} "Kumppani"

LangString SecAppDesc ${LANG_FINNISH} "Ohjelma ja sen pikakuvake Käynnistä-valikossa."
LangString SecAppDesc ${LANG_SWEDISH} "Programmet och dess genväg i Start-menyn."
LangString SecAppDesc ${LANG_ENGLISH} "The program and its shortcut in the Start menu."

LangString SecDesktopName ${LANG_FINNISH} "Pikakuvake työpöydälle"
LangString SecDesktopName ${LANG_SWEDISH} "Genväg på skrivbordet"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"

LangString SecDesktopDesc ${LANG_FINNISH} "Kumppanin pikakuvake työpöydälle."
LangString SecDesktopDesc ${LANG_SWEDISH} "En genväg till Kumppani på skrivbordet."
LangString SecDesktopDesc ${LANG_ENGLISH} "A Kumppani shortcut on the desktop."

LangString ShortcutComment ${LANG_FINNISH} "Järjestörekisteri, kumppanuuspöydät, avustukset ja tarkistuslista"
LangString ShortcutComment ${LANG_SWEDISH} "Organisationsregister, partnerskapsbord, bidrag och checklista"
LangString ShortcutComment ${LANG_ENGLISH} "Register of organisations, partnership tables, grants and checklist"

LangString FinishText ${LANG_FINNISH} "Kumppani on asennettu.$\r$\n$\r$\nKäynnistä se Käynnistä-valikosta: Kumppani.$\r$\n$\r$\nTietosi (tietokanta, asetukset ja varmuuskopiot) ovat omassa kansiossasi %LOCALAPPDATA%\Kumppani, eivät ohjelmakansiossa."
LangString FinishText ${LANG_SWEDISH} "Kumppani har installerats.$\r$\n$\r$\nStarta programmet från Start-menyn: Kumppani.$\r$\n$\r$\nDina data (databasen, inställningarna och säkerhetskopiorna) finns i din egen mapp %LOCALAPPDATA%\Kumppani, inte i programmappen."
LangString FinishText ${LANG_ENGLISH} "Kumppani has been installed.$\r$\n$\r$\nStart it from the Start menu: Kumppani.$\r$\n$\r$\nYour data (the database, settings and backups) lives in your own folder %LOCALAPPDATA%\Kumppani, not in the program folder."

; The uninstall confirmation: the data is kept.
LangString UnConfirmText ${LANG_FINNISH} "Kumppani-ohjelma poistetaan alla olevasta kansiosta. Tietosi säilyvät: tietokantaa, asetuksia ja varmuuskopioita (%LOCALAPPDATA%\Kumppani, %APPDATA%\Kumppani) ei poisteta."
LangString UnConfirmText ${LANG_SWEDISH} "Programmet Kumppani tas bort från mappen nedan. Dina data behålls: databasen, inställningarna och säkerhetskopiorna (%LOCALAPPDATA%\Kumppani, %APPDATA%\Kumppani) tas inte bort."
LangString UnConfirmText ${LANG_ENGLISH} "The Kumppani program will be removed from the folder below. Your data is kept: the database, settings and backups (%LOCALAPPDATA%\Kumppani, %APPDATA%\Kumppani) are not deleted."

LangString UnFinishText ${LANG_FINNISH} "Kumppani-ohjelma on poistettu.$\r$\n$\r$\nTietosi säilytettiin: tietokanta, asetukset ja varmuuskopiot ovat yhä kansioissa %LOCALAPPDATA%\Kumppani ja %APPDATA%\Kumppani. Kun asennat Kumppanin uudelleen, se avaa ne. Jos et tarvitse niitä enää, voit poistaa kansiot itse."
LangString UnFinishText ${LANG_SWEDISH} "Programmet Kumppani har tagits bort.$\r$\n$\r$\nDina data har behållits: databasen, inställningarna och säkerhetskopiorna finns kvar i mapparna %LOCALAPPDATA%\Kumppani och %APPDATA%\Kumppani. När du installerar Kumppani på nytt öppnar programmet dem. Om du inte längre behöver dem kan du själv ta bort mapparna."
LangString UnFinishText ${LANG_ENGLISH} "The Kumppani program has been removed.$\r$\n$\r$\nYour data was kept: the database, settings and backups are still in %LOCALAPPDATA%\Kumppani and %APPDATA%\Kumppani. A new installation of Kumppani opens them again. If you no longer need them, you can delete the folders yourself."

LangString NeedX64 ${LANG_FINNISH} "Kumppani vaatii 64-bittisen Windowsin."
LangString NeedX64 ${LANG_SWEDISH} "Kumppani kräver 64-bitars Windows."
LangString NeedX64 ${LANG_ENGLISH} "Kumppani needs 64-bit Windows."

LangString DirIsData ${LANG_FINNISH} "Kansio $INSTDIR on Kumppanin tietokansio. Valitse ohjelmalle toinen kansio, esimerkiksi $PROGRAMFILES64\Kumppani."
LangString DirIsData ${LANG_SWEDISH} "Mappen $INSTDIR är Kumppanis datamapp. Välj en annan mapp för programmet, till exempel $PROGRAMFILES64\Kumppani."
LangString DirIsData ${LANG_ENGLISH} "The folder $INSTDIR is Kumppani's data folder. Please choose another folder for the program, e.g. $PROGRAMFILES64\Kumppani."

LangString DirNotEmpty ${LANG_FINNISH} "Kansio $INSTDIR ei ole tyhjä, eikä siinä ole aiempaa Kumppani-asennusta. Valitse uusi tai tyhjä kansio, esimerkiksi $PROGRAMFILES64\Kumppani."
LangString DirNotEmpty ${LANG_SWEDISH} "Mappen $INSTDIR är inte tom och innehåller ingen tidigare installation av Kumppani. Välj en ny eller tom mapp, till exempel $PROGRAMFILES64\Kumppani."
LangString DirNotEmpty ${LANG_ENGLISH} "The folder $INSTDIR is not empty and holds no earlier Kumppani installation. Please choose a new or empty folder, e.g. $PROGRAMFILES64\Kumppani."

;--------------------------------
; Version information of the setup .exe

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "© ${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "Comments" "${DESCRIPTION}"

;--------------------------------
; Installer

Function .onInit
  SetShellVarContext all
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(NeedX64)" /SD IDOK
    Abort
  ${EndIf}
  ; An upgrade goes where the earlier version is (unless /D= chose a folder).
  ${If} $INSTDIR == "$PROGRAMFILES64\${APP_NAME}"
    ReadRegStr $0 HKLM "${INSTALLER_KEY}" "InstallDir"
    ${If} $0 != ""
    ${AndIf} ${FileExists} "$0\${APP_EXE}"
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
FunctionEnd

; $R0 = "" when $INSTDIR may hold the program, else the message saying why not.
Function CheckInstDir
  StrCpy $R0 ""
  ; Never the user's data folders (or a folder inside them).
  SetShellVarContext current
  StrCpy $R1 "$LOCALAPPDATA\${APP_NAME}"
  StrCpy $R2 "$APPDATA\${APP_NAME}"
  SetShellVarContext all
  StrLen $R3 $R1
  StrCpy $R4 $INSTDIR $R3
  StrLen $R3 $R2
  StrCpy $R5 $INSTDIR $R3
  ${If} $R4 == $R1
  ${OrIf} $R5 == $R2
    StrCpy $R0 "$(DirIsData)"
    Return
  ${EndIf}
  ; A new folder, an empty one, or an earlier Kumppani: the uninstaller empties it.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    Return
  ${EndIf}
  ClearErrors
  FindFirst $R6 $R7 "$INSTDIR\*"
  ${DoUntil} ${Errors}
    ${If} $R7 != "."
    ${AndIf} $R7 != ".."
      StrCpy $R0 "$(DirNotEmpty)"
      ${Break}
    ${EndIf}
    ClearErrors
    FindNext $R6 $R7
  ${Loop}
  FindClose $R6
FunctionEnd

Function DirectoryLeave
  Call CheckInstDir
  ${If} $R0 != ""
    MessageBox MB_ICONEXCLAMATION|MB_OK "$R0"
    Abort
  ${EndIf}
FunctionEnd

Section "!$(SecAppName)" SecApp
  SectionIn RO
  ; A silent install (/S /D=...) skips the directory page: check here too.
  Call CheckInstDir
  ${If} $R0 != ""
    MessageBox MB_ICONSTOP|MB_OK "$R0" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}

  SetOutPath "$INSTDIR"
  ; An upgrade: the earlier version's libraries go first, so no stale module is left behind.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "${APP_ICON}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"

  WriteRegStr HKLM "${INSTALLER_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Comments" "${DESCRIPTION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "${APP_ICON},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  !if "${HOMEPAGE}" != ""
    WriteRegStr HKLM "${UNINSTALL_KEY}" "URLInfoAbout" "${HOMEPAGE}"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "HelpLink" "${HOMEPAGE}"
  !endif
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetOutPath "$INSTDIR"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "${APP_ICON}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

;--------------------------------
; Uninstaller: the program files, the shortcuts and the registry entries. NEVER the user's
; data: %LOCALAPPDATA%\Kumppani and %APPDATA%\Kumppani are not touched, and neither are
; portable mode's KumppaniData folder and portable.txt beside kumppani.exe.

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; The installer only ever used a new or empty folder (or an earlier Kumppani's), so every
  ; entry in it is the program's own -- except portable mode's data. Without kumppani.exe this
  ; is not a Kumppani folder, and only the uninstaller itself goes.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    FindFirst $0 $1 "$INSTDIR\*"
    ${DoUntil} ${Errors}
      ${If} $1 == "."
      ${OrIf} $1 == ".."
      ${OrIf} $1 == "${PORTABLE_DATA}"
      ${OrIf} $1 == "${PORTABLE_MARKER}"
      ${OrIf} $1 == "${UNINSTALLER}"
        ; kept (the uninstaller goes last)
      ${ElseIf} ${FileExists} "$INSTDIR\$1\*.*"
        RMDir /r "$INSTDIR\$1"
      ${Else}
        Delete "$INSTDIR\$1"
      ${EndIf}
      ClearErrors
      FindNext $0 $1
    ${Loop}
    FindClose $0
  ${EndIf}
  Delete "$INSTDIR\${UNINSTALLER}"
  ; Only when empty: a portable data folder keeps it.
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${INSTALLER_KEY}"
SectionEnd
